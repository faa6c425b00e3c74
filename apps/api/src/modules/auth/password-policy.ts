import { passwordProblems } from '@llm-registry/contracts';
import { ValidationProblem } from '../../common/problem/problem.exception';

/** Refuses a weak password with a 400 naming the field. */
export function assertStrongPassword(
  password: string,
  field: string,
  email?: string,
): void {
  const problems = passwordProblems(password, { email });
  if (problems.length > 0)
    throw new ValidationProblem(
      problems.map((message) => ({ field, message })),
    );
}
