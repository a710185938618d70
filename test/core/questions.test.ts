import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/articles/parse.js';
import { createInterner, extractArticle } from '../../src/core/extract/article.js';
import { analyse } from '../../src/core/nlp.js';
import { cuesMatchingUnanchored, questionOf } from '../../src/core/extract/questions.js';
import { mergeQuestions } from '../../src/core/reconcile/questions.js';

/** The question a sentence raises; no cue may match it without its anchor words. */
const ask = (sentence: string): string | undefined => {
  expect(cuesMatchingUnanchored(sentence)).toEqual([]);
  return questionOf(sentence, 'a.txt', sentence)?.question;
};

describe('open questions', () => {
  it.each([
    ['The statement did not say which countries Ecuador would seek military assistance from.', 'Which countries would Ecuador seek military assistance from?'],
    ['Whether the plan is a political maneuver or a genuine effort remains unclear.', 'Is the plan a political maneuver or a genuine effort?'],
    ['The proposal, however, requires approval from the congress.', 'Will the proposal be approved?'],
    [
      'It remains to be seen how the newly elected president will cooperate with the parliament.',
      'How will the newly elected president cooperate with the parliament?',
    ],
    ['The conservative Ruiz earlier this month won one of two spots in an April runoff election.', 'Who will win the April runoff, and what will it change?'],
    [
      'This agreement could facilitate the presence of US troops in the country, a move the president backs.',
      'Could this agreement facilitate the presence of US troops in the country?',
    ],
    ['Farmers voiced concerns about the cost of the new water levy.', 'Are concerns about the cost of the new water levy warranted?'],
    // Not decided yet, or still weighed: "whether to" asks about the subject, or with none, about what it is done to.
    // A count said to be still rising is not final.
    ['“The death toll and injuries are expected to rise,” the ministry said.', 'Will the death toll rise further?'],
    ['Officials said the number of victims was likely to climb.', 'Will the number of victims rise further?'],
    ['No decision has been made on whether to rebuild the bridge.', 'Will the bridge be rebuilt?'],
    // A gerund opening a clause after "that" is the clause's subject.
    ['Experts estimate that rebuilding the bridge could take up to two years.', 'How long will rebuilding the bridge take?'],
    ['The committee has not yet decided whether to cut rates in September.', 'Will the committee cut rates in September?'],
    ['The board remains undecided about how to pay for the repairs.', 'How will the board pay for the repairs?'],
    ['Officials are still weighing whether to close the port.', 'Will the port be closed?'],
    [
      'Two regulators have raised serious doubts over the merger’s effect on prices; the ministry disagrees.',
      'Are concerns about the merger’s effect on prices warranted?',
    ],
    ['The union expressed concerns that the plan would cut 2,000 jobs.', 'Are concerns that the plan would cut 2,000 jobs warranted?'],
    ['The government has not said when the affected schools will reopen.', 'When will the affected schools reopen?'],
    // A warning that the toll could rise asks what an expectation that it will asks: one question across sources.
    ['Rescue teams were still searching collapsed buildings in the town on Saturday, and officials warned the toll could rise.', 'Will the toll rise further?'],
    ['At least five deaths have been confirmed, with authorities warning the death toll may rise as searches continue.', 'Will the death toll rise further?'],
    ['The sheriff said he anticipates that number to rise.', 'Will that number rise further?'],
    // What an inquiry seeks, and what is still being found out, are not known yet.
    [
      'Investigators gathered at the site as they probe why the plane lost height and crashed after takeoff.',
      'Why did the plane lose height and crash after takeoff?',
    ],
    ['Officials are trying to establish how the fire started.', 'How did the fire start?'],
    ['“Exact figures on casualties are being ascertained,” he added.', 'What are the exact figures on casualties?'],
    ['The final toll is still being tallied.', 'What is the final toll?'],
    // A list's bullet is no part of the sentence; an adverb may stand in "have not yet officially confirmed".
    ['- The full extent of the damage is unclear, the fire chief said.', 'What is the full extent of the damage?'],
    ['Crews have not yet officially confirmed the number of homes lost.', 'When will the number of homes lost be confirmed?'],
    // A step still weighed; fears and concerns raised, eased or fuelled.
    ['Some countries are considering retaliation against the tariffs.', 'Will some countries go ahead with retaliation against the tariffs?'],
    ['Investors are abandoning shares due to increased fears of recession.', 'Are fears of recession warranted?'],
    ['The tariffs are raising concerns about an economic slowdown.', 'Are concerns about an economic slowdown warranted?'],
    // Orders still in force: lifted when, nobody has said.
    ['She said that evacuation orders remain in place because of unstable structures.', 'When will evacuation orders be lifted?'],
    // A dot inside the sentence is a decimal point or an abbreviation, not its end.
    ['The department did not say whether the $1.5 billion grant to U.S. firms would be reduced.', 'Would the $1.5 billion grant to U.S. firms be reduced?'],
  ])('asks %j', (sentence, question) => {
    expect(ask(sentence)).toBe(question);
  });

  it.each([
    // What is not known or not said
    ['It was not immediately clear how many people were inside the building when it collapsed.', 'How many people were inside the building when it collapsed?'],
    ["It's unclear whether the ferry operator had a valid licence.", 'Did the ferry operator have a valid licence?'],
    ['The regional office has not clarified how it counted the missing hikers.', 'How did the regional office count the missing hikers?'],
    ['Police could not say how the gunman obtained the weapon.', 'How did the gunman obtain the weapon?'],
    ['Nobody knows how long the drought will last.', 'How long will the drought last?'],
    ["It's unclear at this time what effect the layoffs will have on the plant.", 'What effect will the layoffs have on the plant?'],
    // A group or plural noun opening the sentence is lower-cased in the question; a surname is not.
    ['Police have not said how they identified the suspect.', 'How did police identify the suspect?'],
    ['Staff have not said how they counted the ballots.', 'How did staff count the ballots?'],
    ['Engineers have not said when they will restore power.', 'When will engineers restore power?'],
    ['Baker has not said how he voted.', 'How did Baker vote?'],
    ['Williams did not say how she would vote.', 'How would Williams vote?'],
    ['“We don’t know yet how many homes were lost,” the mayor said.', 'How many homes were lost?'],
    ['Parents questioned why they were not told about the leak sooner.', 'Why were parents not told about the leak sooner?'],
    ['Rescuers said it was hard to say how many people remained trapped.', 'How many people remained trapped?'],
    [
      'Officials say it is still too early to say for certain how accurate the estimates of insurers will be.',
      'How accurate will the estimates of insurers be?',
    ],
    ['It was not immediately clear how many of the dead had been on the bus.', 'How many of the dead had been on the bus?'],
    ['There was no specific guidance from the bank on where interest rates may settle.', 'Where may interest rates settle?'],
    ['Strong sales cast doubt on whether the board will cut prices before May.', 'Will the board cut prices before May?'],
    ['Policymakers were divided over whether price pressures had eased.', 'Had price pressures eased?'],
    ['There was no official count of those killed in the collapse.', 'How many people were killed?'],
    ['There is no official confirmation about the number of dead.', 'How many people died?'],
    ['The final toll will not be finalised until the identification of the victims is completed.', 'When will the final toll be finalised?'],
    ['He added that there were likely to be “many more” confirmed deaths.', 'Will there be more confirmed deaths?'],
    ['I unfortunately anticipate that those numbers will increase.', 'Will those numbers increase further?'],
    ['The coroner said it seems likely the death toll will rise.', 'Will the death toll rise further?'],
    ['The health minister said a vaccine trial is slated to begin soon.', 'When will the vaccine trial begin?'],
    ['A clinical trial of the new drug will soon get underway.', 'When will the clinical trial of the new drug begin?'],
    ['Concerns about possible international spread were heightened on Friday.', 'Are concerns about possible international spread warranted?'],
    ['It remains to be seen whether the ceasefire will hold.', 'Will the ceasefire hold?'],
    ['The court will decide whether the ban is constitutional.', 'Is the ban constitutional?'],
    ['After a week of protests, questions swirl about whether the council could have acted sooner.', 'Could the council have acted sooner?'],
    ['The extent of the damage is still unknown.', 'What is the extent of the damage?'],
    ['The future of the steel plant remains in doubt.', 'What will happen to the steel plant?'],
    // What caused it
    ['There was no immediate word on the cause of the fire.', 'What caused the fire?'],
    ['Fire officials said the cause of the blaze is under investigation.', 'What caused the blaze?'],
    ['No clear cause for the outage has yet emerged, engineers said.', 'What caused the outage?'],
    ['Investigators are trying to determine what caused the train to derail near the river bend.', 'What caused the train to derail near the river bend?'],
    ['The town woke to a collapse of unknown cause on Friday.', 'What caused the collapse?'],
    ['Safety inspectors arrived on Sunday to determine the cause of the derailment.', 'What caused the derailment?'],
    ['Police have not ruled out arson.', 'Can arson be ruled out?'],
    ['The minister said there was "no indication" of sabotage.', 'Is there evidence of sabotage?'],
    ['There is no evidence that the water supply was contaminated.', 'Was the water supply contaminated?'],
    // What is pending, and when it will happen
    ['The names of the victims were not immediately released.', 'When will the names of the victims be released?'],
    ['Police said they had not yet identified the driver.', 'When will the driver be identified?'],
    ['Neither side would say whether talks would resume next week.', 'Would talks resume next week?'],
    ['The ministry did not say whether US troops would be deployed.', 'Would US troops be deployed?'],
    ['Scientists said the virus may have jumped from bats to humans.', 'Could the virus have jumped from bats to humans?'],
    ['Two of the miners have not yet been located, the company said.', 'When will two of the miners be located?'],
    ['Authorities have yet to release the names of the dead.', 'When will authorities release the names of the dead?'],
    ['Identification is pending for 14 passengers as the search continues.', 'When will 14 passengers be identified?'],
    ['The sheriff said the process of identifying victims was ongoing.', 'When will the victims be identified?'],
    ['A final decision on the merger is expected by the end of March.', 'What will the final decision on the merger be?'],
    ['The council may vote on the plan as early as next week or as late as June.', 'When will the council vote on the plan?'],
    [
      'According to the operator, the 400 drivers it employs can go back to work as soon as Monday or as late as Friday.',
      'When will the 400 drivers go back to work?',
    ],
    // How long it will take
    ['It could take years to rebuild the port, engineers estimated.', 'How long will it take to rebuild the port?'],
    ['Repairs could take months, the utility said.', 'How long will repairs take?'],
    ['While shipping will take time to recover, the reopening is welcome news.', 'How long will shipping take to recover?'],
    ['The mayor said it was expected to take weeks for traffic to return to normal.', 'How long will it take for traffic to return to normal?'],
    ['Most schools will reopen on Monday, although some will take longer.', 'How long will some schools take to reopen?'],
    // What could still happen
    [
      'Forecasters warned the storm could strengthen into a hurricane before it reaches the coast.',
      'Could the storm strengthen into a hurricane before it reaches the coast?',
    ],
    ['Officials fear the number of dead will rise as rescuers reach remote villages.', 'Will the number of dead rise further?'],
    ['The strike could last for weeks, union leaders said.', 'Could the strike last for weeks?'],
    ['If the dam fails, thousands of homes could be flooded.', 'Could thousands of homes be flooded?'],
    ['The minister, who took office in May, could face a no-confidence vote next week.', 'Could the minister face a no-confidence vote next week?'],
    ['The mayor conceded that lives might have been spared if the levee had been raised.', 'Could lives have been spared if the levee had been raised?'],
    ['A landslide that buried the road near the pass could cut the valley off for days.', 'Could the landslide cut the valley off for days?'],
    ['The blackout is likely to hurt tourism as the season begins.', 'Will the blackout hurt tourism?'],
    ['The line, which carries 40 trains a day, is expected to reopen by Tuesday.', 'Will the line reopen by Tuesday?'],
    ['The airline is "under pressure from regulators to overhaul its maintenance," the paper said.', 'Can the airline overhaul its maintenance?'],
    // What is disputed
    ['The agency faced heavy criticism over its slow response to the spill.', 'Is the criticism of the agency over its slow response to the spill justified?'],
    [
      'Local officials are facing accusations that the county ignored flood maps, critics say.',
      'Are the accusations that the county ignored flood maps justified?',
    ],
    // The writer's own question
    ['Is the government ready for another winter of shortages?', 'Is the government ready for another winter of shortages?'],
  ])('asks %j', (sentence, question) => {
    expect(ask(sentence)).toBe(question);
  });

  it.each([
    'The court ruled in favor of the reform on Monday.',
    // A vote already held asks nothing.
    'Ana Ruiz won the presidential runoff vote on Sunday with 50.9 percent.',
    // "concerns" as a company or a plain noun is no doubt voiced.
    'The group sold its energy concerns to a rival last year.',
    'The minister addressed concerns about the levy in a speech on Monday.',
    // A warning in the past perfect was overtaken by what followed.
    'The senator, who had warned that the bill could fail, voted for it on Tuesday.',
    'The union had warned that a later offer could be worse than this one.',
    // An estimate that a later count replaced.
    'This is the first firm number, after officials estimated on Friday that it could be as high as 40.',
    // Ability, not possibility.
    'Residents could only watch as the water rose.',
    'Medics arrived, but the man could not be revived.',
    // A forecast inside a relative clause is no question about the story.
    'The union called it the best deal the workforce was likely to get.',
    // A company that does not answer a reporter leaves no open question.
    'The company has yet to respond to a request for comment.',
    // Questions in quotation marks are someone's words, often rhetorical; short ones are subheads.
    '“Who is going to pay for this?” one farmer asked.',
    'What comes next?',
    'Can Small Towns Survive the Drought? A Study Says Yes',
    'The storm killed 12 people and left 40,000 homes without power.',
    // Leave and capacity, not possibility.
    'Voters may cast ballots until 8 p.m. on Sunday.',
    'Families who lost homes may qualify for grants of up to $40,000.',
    'The new arena could hold 60,000 fans, the architect said.',
    'Officials said residents could apply for aid online starting Monday.',
    'The company declined to comment.',
    // The speaker's own doubt, in the first person, is no question for the reader.
    'The chief said: "It is unclear whether we can reopen the mill."',
    // Said not to be possible, or judged likely; a relative clause describes its noun.
    'The minister said there was no chance that anyone could be saved.',
    'Experts said there was a good chance the infection could be halted.',
    'Authorities are tracing more than 300 people who may have been in contact with the patients.',
    'The pilot did everything that he could have done to slow the ship.',
    'The toll rose to 90 on Monday.',
    // Concerns a search goes on amid are its setting, not a question of the story.
    'Authorities continued search and rescue efforts amid concerns about more rainfall.',
    // An inquiry that found its answer asks nothing.
    'Police investigated what happened and closed the case.',
    // A past that did not happen; a pronoun subject right before the modal.
    'As bad as the crash was, it could have been even worse if the ferry had been full.',
    'The toll has risen to over 1,000, with fears it could climb higher, state radio reported.',
    // An estimate or a forecast that gives its figure is a figure.
    'The fires could cost between $250 and $275 billion, forecasters said.',
    'Inflation is expected to rise once again to 2.75% this year.',
  ])('raises nothing for %j', (sentence) => {
    expect(ask(sentence)).toBeUndefined();
  });
});

describe('anchor words of the cues', () => {
  it('are in every sentence of the bundled articles that a cue matches', () => {
    const dir = join(import.meta.dirname, '../../briefings/ecuador/articles');
    const sentences = readdirSync(dir)
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
      .flatMap((p) => analyse(p).map((s) => s.text));
    expect(sentences.length).toBeGreaterThan(150);
    expect(sentences.flatMap((s) => cuesMatchingUnanchored(s).map((id) => `${id}: ${s}`))).toEqual([]);
  });

  it.each([
    'Officials have not ruled out sabotage.',
    'It would have to be decidedly cheaper.',
    'The council will go to a runoff in May.',
    'It is too soon to get a full picture of how many homes were lost.',
    'Analysts say the figures understate how deep the losses are.',
  ])('hold when the cue is worded unusually: %j', (sentence) => {
    expect(cuesMatchingUnanchored(sentence)).toEqual([]);
  });
});

describe('merging questions across sources', () => {
  const merged = (...sentences: [string, string][]): { question: string; files: string[] }[] =>
    mergeQuestions(sentences.map(([file, s]) => questionOf(s, file, s)).filter((x) => x !== undefined)).map((q) => ({
      question: q.question,
      files: q.sources.map((s) => s.file),
    }));

  it('merges the same question from two sources', () => {
    expect(
      merged(
        ['a.txt', 'It did not say which countries were being asked to help.'],
        ['b.txt', 'Officials did not specify which countries might be invited to send troops.'],
      ),
    ).toEqual([{ question: expect.any(String) as unknown, files: ['a.txt', 'b.txt'] }]);
  });

  it('asks "What caused ...?" once however each source names the event, in the wording most sources use', () => {
    expect(
      merged(
        ['a.txt', 'The cause of the outage remains unknown.'],
        ['b.txt', 'No firm cause for the blackout has yet emerged.'],
        ['c.txt', 'Engineers did not explain what caused the outage.'],
      ),
    ).toEqual([{ question: 'What caused the outage?', files: ['a.txt', 'b.txt', 'c.txt'] }]);
  });

  it('merges two windows for the same return to work, and keeps a different question apart', () => {
    const out = merged(
      ['a.txt', 'Nurses can return to work as soon as Tuesday or as late as Friday.'],
      ['b.txt', 'The hospital said its nurses could return to work as early as Tuesday but must be back by Friday.'],
      ['c.txt', 'Officials warn the backlog of surgeries could grow.'],
    );
    expect(out.map((q) => q.files)).toEqual([['a.txt', 'b.txt'], ['c.txt']]);
  });

  it('keeps apart two concerns that share only the template words', () => {
    const out = merged(['a.txt', 'Farmers voiced concerns about the cost of the levy.'], ['b.txt', 'Doctors raised concerns about staffing at night.']);
    expect(out).toHaveLength(2);
  });
});

describe('a question whose subject is a pronoun', () => {
  const questionsOf = (body: string): string[] =>
    extractArticle(parseArticle('a.txt', `Headline\nDate: 2025-03-10\n${body}\n`), createInterner()).questions.map((q) => q.question);

  it('names the person of the nearest earlier sentence that named one', () => {
    expect(
      questionsOf(
        'Mayor Ana Ruiz unveiled a housing plan on Monday.\nThe council ruled in favor of her proposal, which now must be debated twice by the assembly.',
      ),
    ).toEqual(['Will Ana Ruiz’s proposal be approved?']);
  });

  it('takes no capitalised conjunction opening a sentence for a person', () => {
    expect(questionsOf('But his latest deal might land him in the record books.').join(' ')).not.toMatch(/But’s/);
  });

  it('leaves the pronoun when two people could be meant, or the question names the person already', () => {
    expect(
      questionsOf('Ana Ruiz met Carlos Vega on Monday.\nThe council ruled in favor of his proposal, which now must be debated twice by the assembly.'),
    ).toEqual(['Will his proposal be approved?']);
    expect(questionsOf('Whether Ruiz’s plan is a campaign tactic to lift her ratings remains unclear.')).toEqual([
      'Is Ruiz’s plan a campaign tactic to lift her ratings?',
    ]);
  });
});
