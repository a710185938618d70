import { describe, expect, it } from 'vitest';
import { questionOf } from '../../src/core/extract/questions.js';
import { mergeQuestions } from '../../src/core/reconcile/questions.js';

describe('open questions', () => {
  it.each([
    ['The statement did not say which countries Ecuador would seek military assistance from.', 'Which countries would Ecuador seek military assistance from?'],
    ['Whether the plan is a political maneuver or a genuine effort remains unclear.', 'Is the plan a political maneuver or a genuine effort?'],
    ['The proposal, however, requires approval from the congress.', 'Will the proposal be approved?'],
    ['This agreement could facilitate the presence of US troops in the country, a move the president backs.', 'Could this agreement facilitate the presence of US troops in the country?'],
    ['Farmers voiced concerns about the cost of the new water levy.', 'Are concerns about the cost of the new water levy warranted?'],
    ['Two regulators have raised serious doubts over the merger’s effect on prices; the ministry disagrees.', 'Are concerns about the merger’s effect on prices warranted?'],
    ['The union expressed concerns that the plan would cut 2,000 jobs.', 'Are concerns that the plan would cut 2,000 jobs warranted?'],
    ['The government has not said when the affected schools will reopen.', 'When will the affected schools reopen?'],
    ['Rescue teams were still searching collapsed buildings in the town on Saturday, and officials warned the toll could rise.', 'Could the toll rise?'],
    // A dot inside the sentence is a decimal point or an abbreviation, not its end.
    ['The department did not say whether the $1.5 billion grant to U.S. firms would be reduced.', 'Would the $1.5 billion grant to U.S. firms be reduced?'],
  ])('asks %s', (sentence, question) => {
    expect(questionOf(sentence, 'a.txt', sentence)?.question).toBe(question);
  });

  it('raises nothing for a plain statement of fact', () => {
    expect(questionOf('The court ruled in favor of the reform on Monday.', 'a.txt', 'x')).toBeUndefined();
    // "concerns" as a company or a plain noun is no doubt voiced.
    expect(questionOf('The group sold its energy concerns to a rival last year.', 'a.txt', 'x')).toBeUndefined();
    expect(questionOf('The minister addressed concerns about the levy in a speech on Monday.', 'a.txt', 'x')).toBeUndefined();
  });

  it('merges the same question from two sources', () => {
    const a = questionOf('It did not say which countries were being asked to help.', 'a.txt', 'qa');
    const b = questionOf('Officials did not specify which countries might be invited to send troops.', 'b.txt', 'qb');
    const merged = mergeQuestions([a, b].filter((x) => x !== undefined));
    expect(merged).toHaveLength(1);
    expect(merged[0]?.sources.map((s) => s.file)).toEqual(['a.txt', 'b.txt']);
  });
});
