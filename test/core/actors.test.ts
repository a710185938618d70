import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/articles/parse.js';
import { brief, buildSet } from '../../src/core/briefing/set.js';
import type { Actor } from '../../src/core/model.js';

/** The actors of a set of invented articles, one body each. */
function actors(...bodies: string[]): Actor[] {
  const set = buildSet({
    title: 't',
    topics: [],
    articles: bodies.map((b, i) => parseArticle(`${String(i)}.txt`, `Headline number ${String(i)}\nDate: 2025-03-10\n${b}\n`)),
  });
  const r = brief(set);
  if (!r.ok) throw new Error('no briefing');
  return r.value.actors;
}
const names = (list: Actor[]): string[] => list.flatMap((a) => [a.name, ...a.aliases]);
const find = (list: Actor[], name: string): Actor | undefined => list.find((a) => a.name === name || a.aliases.includes(name));

describe('names and the titles before them', () => {
  it.each([
    ['Portline CEO Lina Marsh said the cranes would stay idle.', 'Lina Marsh', 'Portline CEO'],
    ['Harbor County Sheriff Tom Ives said two workers were hurt in the fire.', 'Tom Ives', 'Harbor County Sheriff'],
    ['Varnian Gov. Ada Kell declared an emergency on Sunday.', 'Ada Kell', 'Varnian Gov.'],
    ['Norland Ambassador to the UN Rita Oduya spoke first in the debate.', 'Rita Oduya', 'Norland Ambassador to the UN'],
    ['The strike will go on, said union President Sam Ortiz.', 'Sam Ortiz', 'union President'],
    ['Hospital spokesperson Dina Flores said the fire began in a storeroom.', 'Dina Flores', 'Hospital spokesperson'],
    ['Carla Benn, director of nursing, said the ward was evacuated in minutes.', 'Carla Benn', 'director of nursing'],
    ['As President of the National Port Council Diana Amat said, the count was slow.', 'Diana Amat', 'President of the National Port Council'],
    ['Crews are stretched thin, said Will Ramos, a state fire spokesman.', 'Will Ramos', 'state fire spokesman'],
    ['Co-leader Alice Weidel led the party to its best result.', 'Alice Weidel', 'Co-leader'],
    ['The fire began in a cabinet, Alder Valley Fire Department spokesperson Lynn Brown said.', 'Lynn Brown', 'Alder Valley Fire Department spokesperson'],
    ['Hospital Chief Executive Albert Greene said the evacuation went smoothly.', 'Albert Greene', 'Hospital Chief Executive'],
    ['Commission President Ana von der Berg said the fund would open in May.', 'Ana von der Berg', 'Commission President'],
  ])('splits the role from the name: %s', (body, name, role) => {
    const a = find(actors(body), name);
    expect(a?.name).toBe(name);
    expect(a?.role).toBe(role);
  });

  it('reads a role set off before the name, and makes no person of the title alone', () => {
    const list = actors('Norland’s Permanent Representative to the UN, Rita Oduya, called the vote a turning point.');
    expect(find(list, 'Rita Oduya')?.role).toBe('Norland’s Permanent Representative to the UN');
    expect(names(list).some((n) => /^to the/.test(n))).toBe(false);
  });

  it('gives no bare honorific as a role', () => {
    const a = find(actors('Mr Ortiz said the talks had stalled, and Mr Ortiz left the port.', 'Sam Ortiz walked out of the talks on Monday.'), 'Sam Ortiz');
    expect(a?.role).not.toBe('Mr');
    expect(a?.aliases).toContain('Ortiz');
  });

  it('prefers a title or description to what the person did', () => {
    const list = actors('Sam Ortiz has rarely given interviews.', 'Sam Ortiz declined to comment.', 'The strike was led by Sam Ortiz, the union’s president.');
    expect(find(list, 'Sam Ortiz')?.role).toBe('union’s president');
  });

  it('reads the whole name of an organisation with a possessive in it', () => {
    const list = actors('The International Dockers’ Association (IDA) called the strike.', 'The IDA said talks had failed.');
    expect(find(list, 'International Dockers’ Association')?.aliases).toContain('IDA');
  });

  it('prefers the fullest title the sources agree on', () => {
    const a = find(
      actors('President Sam Ortiz opened the meeting.', 'The vote was called by union President Sam Ortiz.', 'President Sam Ortiz said it passed.'),
      'Sam Ortiz',
    );
    expect(a?.role).toBe('union President');
  });
});

describe('fragments that are no actors', () => {
  it.each([
    ['UNITED NATIONS (AP) — The council met on Monday to discuss the port.', 'NATIONS'],
    ['The resolution, S/RES/2801, was adopted by nine votes to none.', 'RES'],
    ['Members of the dockers union voted to strike on Friday.', 'Members of'],
    ['Shares of Portline fell 4% after the fire.', 'Shares of Portline'],
    ['“Today I visited the ward,” the minister wrote.', 'Today I'],
    ['Early Friday, crews reached the burning ship.', 'Early Friday'],
    ['Fire crews were called at 2100 GMT to the east pier.', 'GMT'],
    ['Nurses attempted CPR for twenty minutes before the medics arrived.', 'CPR'],
    ['Reporters asked Gov. Ada Kell (R-VA) about the budget.', 'R-VA'],
    ['The report was cited by the Harbor Gazette-Tribune on Tuesday, which gave no source for it, according to Texas P', 'Texas P'],
    ['But his latest deal might land him in the record books, the analyst said.', 'But'],
    ['Lake Varna is a popular tourist destination, and its ferries are old.', 'Lake Varna'],
    ["Norland's UN Ambassador expressed optimism about the force.", 'UN Ambassador'],
    ['The council acted under Chapter VII of the charter.', 'Chapter VII'],
    ['New Varna, Sept. 30 (Petra) – The council adopted a resolution on Tuesday.', 'New Varna'],
    ['Salt Lake-based Portline said it would pay $11 a share.', 'Salt Lake'],
  ])('finds no actor in %s', (body, fragment) => {
    expect(names(actors(body)).some((n) => n.includes(fragment))).toBe(false);
  });

  it('reads a kind of person opening the sentence before a full name as the role: "Survivor Lina Marsh" is Lina Marsh', () => {
    const list = actors('Survivor Lina Marsh said the boat was overloaded.', 'Lina Marsh, 41, was rescued on Monday.');
    expect(names(list)).not.toContain('Survivor Lina Marsh');
    expect(find(list, 'Lina Marsh')?.role).toBe('Survivor');
  });

  it('reads "National Search and Rescue Agency" as one institution: two words before an institution\'s head', () => {
    expect(names(actors('The National Search and Rescue Agency said 164 people were missing.'))).toContain('National Search and Rescue Agency');
  });

  it('keeps a company\'s legal suffix in its name, and gives the whole place before "-based" as its role', () => {
    expect(names(actors('Portline agreed to buy Varnian Cranes NV for $11 a share.'))).toContain('Varnian Cranes NV');
    expect(find(actors('Salt Lake-based Portline Corp said it would pay $11 a share.'), 'Portline Corp')?.role).toBe('Salt Lake-based');
  });

  it('splits an abbreviation from the name after it: "UN Mike Waltz" is Mike Waltz', () => {
    const list = actors('The envoy to the UN Mike Waltz said the vote was close.');
    expect(names(list)).not.toContain('UN Mike Waltz');
    expect(names(list)).toContain('Mike Waltz');
  });

  it('makes no actors of a caption that ends on its credit', () => {
    expect(actors('Lena Park, a nurse who has worked at the hospital for 20 years, stands outside the ward on Monday. (Omar Diaz / The Ledger)')).toEqual([]);
  });

  it.each([
    ['a title-case line from a list of posts', 'Can Small Ports Beat The Giants? This Study Says Yes'],
    ['a copyright line', 'Copyright 2025 Harbor Wire. All Rights Reserved by Harbor Wire Media.'],
    ['a disclaimer', 'Harbor Wire provides the information "as is" without warranty of any kind.'],
    ['a credit opening the paragraph', '(HARBORNET - Port Daily) The docks reopened on Monday.'],
    ['a dam or an expressway', 'Engineers feared the Larch Creek Dam could fail, and traffic on the Norl-Varn Expressway stopped.'],
  ])('makes no actors of %s', (_what, body) => {
    expect(actors(body)).toEqual([]);
  });

  it('takes the name an article gives a storm for the storm there, not a person', () => {
    const list = actors(
      'Hurricane Norma killed at least 40 people, Governor Ada Kell said. Officials said Norma destroyed 300 homes. ' +
        'Later, officials said Norma left two million homes without power.',
    );
    expect(names(list)).not.toContain('Norma');
    expect(names(list)).toContain('Ada Kell');
  });

  it('takes a one-word name written as a brand for an organisation, and a particle surname for a person', () => {
    const list = actors('Ten million customers lost power, according to StormWatch. Gov. DeLuca thanked the crews.');
    expect(find(list, 'StormWatch')?.kind).toBe('organization');
    expect(find(list, 'DeLuca')?.kind).toBe('person');
  });

  it.each([
    ['a word opening the sentence', 'Many of Spain’s ports reopened on Monday, the Port Council said.', 'Port Council', 'Many'],
    ['a word for a place near', 'Neighboring China has announced 100 million yuan in emergency aid.', 'China', 'Neighboring'],
    ['a title after a body, before its holder', 'The Port Council Chairman, Rear Admiral Tam Ives, thanked the crews.', 'Port Council', 'Chairman'],
  ])('keeps %s out of a name', (_what, body, name, word) => {
    const all = names(actors(body));
    expect(all).toContain(name);
    expect(all.filter((n) => n.includes(word))).toEqual([]);
  });

  it('makes no actors of a list of other stories: short lines with no closing punctuation', () => {
    const list = actors(
      'The port reopened on Monday.\n' +
        '\n' +
        'Most Read\n' +
        '\n' +
        '- USS Carl Vinson enters the Gulf amid tensions with Ira\n' +
        '\n' +
        '- Who is Nora Blake? Meet the nominee to lead the port agency',
    );
    expect(names(list)).not.toContain('Carl Vinson');
    expect(names(list)).not.toContain('Nora Blake');
  });

  it('makes no actors of a body sentence that repeats the headline', () => {
    const set = buildSet({
      title: 't',
      topics: [],
      articles: [parseArticle('a.txt', 'Portline shuts its docks – Harbor Wire\nPortline shuts its docks – Harbor Wire\nThe docks stayed shut on Monday.\n')],
    });
    const r = brief(set);
    expect(r.ok && names(r.value.actors)).not.toContain('Harbor Wire');
  });
});

describe('places are not actors', () => {
  it.each([
    ['Heavy rain fell across Central Varnia overnight.', 'Central Varnia'],
    ['The Lusk River rose six feet in an hour.', 'Lusk River'],
    ['Rescuers searched the Alder Peninsula for survivors.', 'Alder Peninsula'],
    ['Flooding hit Alder, Birch, Tom Cedar and Pine counties on Monday.', 'Tom Cedar'],
    ['Cities including Lisbon, Porto and San Maro lost power.', 'San Maro'],
    ['Crews were sent to San Maro and the hospital in San Maro said it had power.', 'San Maro'],
    ['Flights were grounded across the European Union on Monday.', 'European Union'],
    ['The minister toured bases in the provinces of Alta and Santa Irene.', 'Santa Irene'],
    ['He returned to the Port of Marlow and waved to the crowd.', 'Port of Marlow'],
    ['Strikes shut ports on the East and Gulf Coasts on Tuesday.', 'Gulf Coasts'],
    ['Ortiz, a native New Yorker, has led the union since 2011.', 'New Yorker'],
    ['By Tuesday the 9,000-acre Alder Fire was 15 percent contained.', 'Alder Fire'],
    ['Fire officials warned of extreme fire behavior near Alder Fire Station.', 'Fire'],
  ])('%s', (body, place) => {
    expect(names(actors(body))).not.toContain(place);
  });

  it('keeps a country that acts and drops one only named as a place', () => {
    const list = actors('Peru sent 200 soldiers to the border on Monday.', 'The storm reached Chile on Tuesday.');
    expect(names(list)).toContain('Peru');
    expect(names(list)).not.toContain('Chile');
  });

  it('keeps every country named as the agent of a passive verb', () => {
    const list = actors('The resolution, co-sponsored by Peru and Chile, passed on Monday.');
    expect(names(list)).toEqual(expect.arrayContaining(['Peru', 'Chile']));
  });

  it('keeps a country that half the articles name, though it never acts: where the story is', () => {
    const list = actors(
      'The storm reached Chile on Tuesday.',
      'Ports in Chile were closed.',
      'Flights to Chile were cancelled.',
      'The port reopened on Friday.',
    );
    expect(names(list)).toContain('Chile');
  });

  it('reads a capital that acts as its country: "Moscow warned" is Russia', () => {
    const a = find(actors('Moscow warned the council against the plan.'), 'Russia');
    expect(a?.name).toBe('Russia');
    expect(a?.aliases).toContain('Moscow');
  });

  it('keeps an area most articles are about, and merges its authorities and a misspelling into it', () => {
    const list = actors(
      'Flooding in Marlow County killed nine people. The Marlow County Sheriff’s Office said more were missing.',
      'Rescuers in Marlow County found two more bodies.',
      'The toll in Marlow County rose to 14.',
      'Trump declared a disaster in Marlo County on Sunday.',
    );
    const county = list.filter((a) => /Marlow? County/.test([a.name, ...a.aliases].join(' ')));
    expect(county).toHaveLength(1);
    expect(county[0]?.aliases).toEqual(expect.arrayContaining(['Marlow County Sheriff’s Office', 'Marlo County']));
  });
});

describe('one actor under several names', () => {
  it("merges 'UNSC', 'U.N. Security Council', 'UN Security Council' and 'the Council'", () => {
    const list = actors(
      'The U.N. Security Council voted on Tuesday to send the force.',
      'The UN Security Council approved the mission, and the Council will review it in a year.',
      'The UNSC vote came after weeks of talks.',
    );
    const council = list.filter((a) => /council|unsc/i.test([a.name, ...a.aliases].join(' ')));
    expect(council).toHaveLength(1);
    expect(council[0]?.aliases).toEqual(expect.arrayContaining(['UNSC', 'Council']));
  });

  it("merges 'UN Security Council' and 'United Nations Security Council': initials for the first words", () => {
    const list = actors('The United Nations Security Council met on Monday.', 'The UN Security Council approved the force.');
    expect(list.filter((a) => /Security Council/.test(a.name))).toHaveLength(1);
  });

  it('keeps a legislature named by its bare head mid-sentence ("passed by Congress"), and merges it with the one named', () => {
    expect(names(actors('The bill was passed by Congress on Monday.', 'The plan now goes to Congress, which meets in May.'))).toContain('Congress');
    const list = actors('The Varnian National Assembly met on Monday.', 'The bill now goes to the Assembly for a second vote.');
    expect(list.filter((a) => /Assembly/.test(a.name))).toHaveLength(1);
  });

  it("merges 'Jon Ortiz' and 'John Ortiz' when both lead the union", () => {
    const list = actors(
      'Union President Jon Ortiz said the deal was a victory.',
      'Union president John Ortiz told members to return.',
      'Jon Ortiz, the union president, thanked the crews.',
    );
    expect(list.filter((a) => /Ortiz/.test(a.name))).toHaveLength(1);
  });

  it('takes a one-word company that opens its sentences for an actor: "Intel said ..."', () => {
    const list = actors('Intel said it would cut 15% of its workforce.', 'Intel shares fell 20% on Friday.', 'Analysts said Intel had been too slow.');
    expect(find(list, 'Intel')?.kind).toBe('organization');
  });

  it('keeps two people of one surname apart when their first names differ more', () => {
    const list = actors('Mayor Ana Ortiz opened the port.', 'Captain Luis Ortiz steered the ship in.');
    expect(list.filter((a) => /Ortiz/.test(a.name))).toHaveLength(2);
  });

  it.each([
    [
      'an acronym the text defines',
      ['The Harbor Workers Federation (HWF) called the strike.', 'HWF leaders met on Monday.'],
      'Harbor Workers Federation',
      'HWF',
    ],
    [
      'an acronym that spells a name',
      ['The National Port Authority closed the docks.', 'The NPA said they would reopen on Friday.'],
      'National Port Authority',
      'NPA',
    ],
    [
      'an acronym with a linking word in lower case',
      ['The Bank of Norland cut rates on Thursday.', 'The Bank of Norland said inflation had eased.', 'The BoN said more cuts could follow.'],
      'Bank of Norland',
      'BoN',
    ],
    [
      'a bare title with the one person given it',
      ['Treasurer Mara Lind welcomed the cut.', 'The Treasurer cautioned that families were still struggling.'],
      'Mara Lind',
      'Treasurer',
    ],
    ['a company suffix', ['Portline Co. said it would appeal.', 'Portline warned of losses.', 'Portline cut 300 jobs.'], 'Portline', 'Portline Co.'],
    [
      'a word-order swap',
      ['Camp Willow said all campers were safe.', 'Camp Willow opened in 1950.', 'Staff at Willow Camp were praised.'],
      'Camp Willow',
      'Willow Camp',
    ],
  ])('merges %s', (_what, bodies, name, alias) => {
    const a = find(actors(...bodies), name);
    expect(a?.name).toBe(name);
    expect(a?.aliases).toContain(alias);
  });

  it('gives every name of a list that opens the sentence what the list did', () => {
    const list = actors('Norway, Chile and Kenya abstained from the vote on Tuesday.');
    expect(['Norway', 'Chile', 'Kenya'].map((n) => find(list, n)?.role)).toEqual(Array(3).fill('abstained from the vote on Tuesday'));
  });

  it('reads the bare end of two names already known as one as that actor: "Security Council"', () => {
    const list = actors(
      'The Security Council decided today to transition the mission.',
      'The United Nations Security Council on Tuesday authorized the force.',
      'The UN Security Council approved a new force.',
    );
    expect(find(list, 'Security Council')).toBe(find(list, 'UN Security Council'));
    expect(find(list, 'Security Council')).toBe(find(list, 'United Nations Security Council'));
  });

  it('merges British and American spellings of one name, each from one source: "Organisation" and "Organization"', () => {
    const list = actors('The World Health Organisation said 300,000 people were affected.', 'The World Health Organization warned of disease.');
    expect(find(list, 'World Health Organisation')).toBe(find(list, 'World Health Organization'));
  });

  it('merges a facility and its name without the head word: "El Rio Hospital" and "El Rio"', () => {
    const a = find(actors('El Rio Hospital said all patients were safe.', 'Smoke reached El Rio’s bed tower.'), 'El Rio Hospital');
    expect(a?.aliases).toContain('El Rio');
  });

  it('merges a name with the one longer name it ends ("Security Council"), not with one of two', () => {
    const one = actors('The Norland Security Council met on Monday.', 'The Security Council will vote again in May.');
    expect(one.filter((a) => /Security Council/.test(a.name))).toHaveLength(1);
    const two = actors('The Alder Fire Department and the Birch Fire Department sent crews.', 'Fire Department officials said two crews were hurt.');
    expect(find(two, 'Alder Fire Department')?.aliases ?? []).not.toContain('Fire Department');
  });

  it('still names the maker in "a Portline spokesman said"', () => {
    expect(names(actors('A Portline spokesman said the docks would reopen.', 'Portline said on Monday that talks had resumed.'))).toContain('Portline');
  });

  it('splits a person from the organisation after "of": "Dan Ruiz of Tenet Hospitals"', () => {
    const list = actors('“Our staff responded well,” said Dan Ruiz of Tenet Hospitals.');
    expect(names(list)).toContain('Dan Ruiz');
    expect(names(list)).not.toContain('Dan Ruiz of Tenet Hospitals');
  });

  it('makes no actor of an acronym for lower-case words, however it is used', () => {
    const list = actors('The blackout cost 0.1% of gross domestic product (GDP).', 'GDP is estimated to have fallen by a billion.');
    expect(names(list)).not.toContain('GDP');
  });
});

describe('groups of people', () => {
  it('makes one group of the people several sources show acting, under the counts they share', () => {
    const list = actors(
      'The 4,000 nurses voted to end the strike on Monday.',
      'Striking nurses returned to the wards on Tuesday.',
      'The hospital group said its 4,000 employees would get a 9% raise. Employees voted by 70%.',
      'Nurses at the city hospital accepted the offer.',
    );
    const groups = list.filter((a) => a.kind === 'group');
    expect(groups).toHaveLength(1);
    expect(names(groups)).toEqual(expect.arrayContaining(['Striking nurses']));
  });

  it('makes no group of people who only report ("officials said")', () => {
    const list = actors(
      'Officials said the fire was out.',
      'Officials warned of smoke.',
      'Officials reopened the road.',
      'Local officials said two were hurt.',
    );
    expect(list.filter((a) => a.kind === 'group')).toEqual([]);
  });
});
