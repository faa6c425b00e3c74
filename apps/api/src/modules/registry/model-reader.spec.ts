import { visibleFromAll } from './model-reader';

describe('visibleFromAll', () => {
  it('offers global models to knowledge bases of mixed scopes', () => {
    expect(visibleFromAll(['team-a', 'team-b'])).toEqual(['global']);
    expect(visibleFromAll(['team-a', 'global'])).toEqual(['global']);
  });

  it('adds the scope when every knowledge base lives in the same one', () => {
    expect(visibleFromAll(['team-a', 'team-a'])).toEqual(['global', 'team-a']);
  });

  it('is just global for global knowledge bases', () => {
    expect(visibleFromAll(['global'])).toEqual(['global']);
  });
});
