import { describeFailedTest } from './probe-categories';

describe('describeFailedTest', () => {
  it('names the category in words, quotes the reason and says what to do next', () => {
    expect(
      describeFailedTest({
        category: 'dimension_mismatch',
        message: 'expected 384, got 192',
      }),
    ).toBe(
      'Wrong dimensions: expected 384, got 192. Set Dimensions to what the model returns, or pick the model that returns the size you need.',
    );
  });

  it('still reads well without a category or a reason', () => {
    expect(describeFailedTest({ category: null, message: null })).toBe(
      'Failed: no reason given.',
    );
  });
});
