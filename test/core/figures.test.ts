import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/articles/parse.js';
import { brief, buildSet } from '../../src/core/briefing/set.js';
import { figuresOf, readFigures } from '../../src/core/extract/figures/extract.js';
import type { Briefing, PubDate } from '../../src/core/model.js';
import { analyse } from '../../src/core/nlp.js';
import { conflictOf } from '../../src/core/reconcile/figure-conflicts.js';
import { recencyOf } from '../../src/core/reconcile/figure-rank.js';

/** A Wednesday. */
const pub: PubDate = { iso: '2025-02-19', year: 2025, month: 2, source: 'metadata' };

function figures(sentence: string) {
  const carry = {};
  return analyse(sentence).flatMap((s) => figuresOf(s, 'a.txt', s.text, pub, carry));
}
const read = (sentence: string) => figures(sentence).map((f) => [f.value, f.metric, f.typed?.kind, f.typed?.bound, f.period]);

/**
 * A sentence and what each of its numbers reads as: value, metric, kind, bound, period. Typed, not
 * `as const`: a literal table this long cost the type checker a minute and 2 GB.
 */
type Reads = [string, [number, string, string, string, string][]];
/** A sentence and its casualty counts: value, metric, bound. */
type Counts = [string, [number, string, string][]];

describe('what a number measures', () => {
  it.each<Reads>([
    [
      'the homicide rate dropped from 46.18 per 100,000 people in 2023 to 38.76 per 100,000 people last year.',
      [
        [46.18, 'homicide rate', 'rate', 'exact', '2023'],
        [38.76, 'homicide rate', 'rate', 'exact', '2024'],
      ],
    ],
    [
      'Homicides have risen from six per 100,000 inhabitants in 2018 to a record 47 in 2023.',
      [
        [6, 'homicide rate', 'rate', 'exact', '2018'],
        [47, 'homicide rate', 'rate', 'exact', '2023'],
      ],
    ],
    ['January was the deadliest month on record, with 731 homicides.', [[731, 'homicides', 'count', 'exact', 'January 2025']]],
    ['Police dogs uncovered more than six tons of cocaine at a port last July.', [[6, 'cocaine', 'quantity', 'more-than', 'July 2024']]],
    ['The United States has invested $81 million since 2018.', [[81_000_000, 'investment', 'money', 'exact', 'since 2018']]],
    ['Unemployment rose to 7.5% in 2024.', [[7.5, 'unemployment', 'level', 'exact', '2024']]],
    ['It is a country of 18 million people.', [[18_000_000, 'population of country', 'count', 'exact', 'as of February 19, 2025']]],
    ['After voting twice against, 59% of union members approved the contract.', [[59, 'votes in favour', 'share', 'exact', 'as of February 19, 2025']]],
    [
      'The deal includes a 38% wage increase over four years and a $12,000 ratification bonus.',
      [
        [38, 'wage increase', 'change', 'exact', 'as of February 19, 2025'],
        [12_000, 'ratification bonus', 'money', 'exact', 'as of February 19, 2025'],
      ],
    ],
    ['The union approved the offer, ending a 52-day strike.', [[52, 'strike length', 'quantity', 'exact', 'as of February 19, 2025']]],
    // A quarter without a year is the latest one begun by the report; a time between the subject and its verb is skipped.
    [
      'Revenue in the third quarter rose 12% to $4.1 billion.',
      [
        [12, 'rise in revenue', 'change', 'exact', 'Q3 2024'],
        [4_100_000_000, 'revenue', 'level', 'exact', 'Q3 2024'],
      ],
    ],
    // A number joined to the noun after it names a kind of that thing (a maturity), and stays in the label.
    [
      'The yield on 10-year gilts fell 5 basis points to 3.9%.',
      [
        [5, 'fall in yield in 10-year gilts', 'quantity', 'exact', 'as of February 19, 2025'],
        [3.9, 'yield in 10-year gilts', 'level', 'exact', 'as of February 19, 2025'],
      ],
    ],
    ['Two-year Treasury yields dropped to 4.2%.', [[4.2, 'two-year treasury yields', 'level', 'exact', 'as of February 19, 2025']]],
    // How long (wide, deep) a thing is: "the 1.6-mile bridge", "a 300-meter-long ship", even at the start of a sentence.
    [
      'The 985-foot-long vessel hit the 1.6-mile bridge.',
      [
        [985, 'vessel length', 'quantity', 'exact', 'as of February 19, 2025'],
        [1.6, 'bridge length', 'quantity', 'exact', 'as of February 19, 2025'],
      ],
    ],
    ['A 300-meter-long ship struck the bridge.', [[300, 'ship length', 'quantity', 'exact', 'as of February 19, 2025']]],
    ['The 20-foot-deep channel reopened.', [[20, 'channel depth', 'quantity', 'exact', 'as of February 19, 2025']]],
    ['The ship is about 984 feet long.', [[984, 'ship length', 'quantity', 'about', 'as of February 19, 2025']]],
    ['Shares of the carmaker have plummeted 40% this year.', [[40, 'fall in shares in carmaker', 'change', 'exact', '2025']]],
    ['The strikers have lost more than $600 million in combined wages.', [[600_000_000, 'combined wages', 'money', 'more-than', 'as of February 19, 2025']]],
    [
      'The grid lost 15 gigawatts of power, equivalent to 60% of its national demand.',
      [
        [15, 'power', 'quantity', 'exact', 'as of February 19, 2025'],
        [60, 'share of national demand', 'share', 'exact', 'as of February 19, 2025'],
      ],
    ],
    ['Business group says the outage caused €1.6bn in damages', [[1_600_000_000, 'damages', 'money', 'exact', 'as of February 19, 2025']]],
    [
      'The storm caused economic damage amounting to approximately €1.6 billion ($1.8 billion).',
      [
        [1_600_000_000, 'economic damage', 'money', 'about', 'as of February 19, 2025'],
        [1_800_000_000, 'economic damage', 'money', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'Inflation fell to 2.3% in April from 2.6% in March.',
      [
        [2.3, 'inflation', 'level', 'exact', 'April 2024'],
        [2.6, 'inflation', 'level', 'exact', 'March 2024'],
      ],
    ],
    [
      'Shares of the chipmaker were up 2.6% to $69.95 in late trading.',
      [
        [2.6, 'rise in shares in chipmaker', 'change', 'exact', 'as of February 19, 2025'],
        [69.95, 'share price in chipmaker', 'level', 'exact', 'as of February 19, 2025'],
      ],
    ],
    // A bound between a verb and its number keeps the number the verb's ("burned over 27,000 acres"); over a time, a span.
    ['The fire burned over 27,000 acres.', [[27000, 'area burned by fire', 'quantity', 'more-than', 'as of February 19, 2025']]],
    // "estimates X at $N": the tagger's noun is the verb when "at" gives the value.
    ['The analyst estimates total economic losses at $50 billion.', [[50e9, 'economic losses', 'level', 'exact', 'as of February 19, 2025']]],
    // The country a rate is charged on is whose rate it is; a list's items name their own.
    [
      'It set 47% duties on imports from Madagascar, 46% on Vietnam, and 20% on the European Union.',
      [
        [47, 'duties on Madagascar', 'share', 'exact', 'as of February 19, 2025'],
        [46, 'duties on Vietnam', 'share', 'exact', 'as of February 19, 2025'],
        [20, 'duties on European Union', 'share', 'exact', 'as of February 19, 2025'],
      ],
    ],
    ['China faces a particularly steep 54% tariff rate.', [[54, 'tariff rate on China', 'share', 'exact', 'as of February 19, 2025']]],
    ['Beijing slaps a 34% tariff on US goods.', [[34, 'tariff on United States', 'share', 'exact', 'as of February 19, 2025']]],
    // A group named first, and its part that something was done to.
    ['Of the recovered bodies, 15 were transported by air.', [[15, 'recovered bodies transported', 'count', 'exact', 'as of February 19, 2025']]],
    // A market index or a company, named: its move and where it ended, in points and in percent.
    [
      'The Harbor 250 plummeted 4.84% to 5,396.52, while the Marlow Industrial Average dropped 1,679 points (4%) to end at 40,545.',
      [
        [4.84, 'fall in Harbor 250', 'change', 'exact', 'as of February 19, 2025'],
        [5396.52, 'Harbor 250', 'level', 'exact', 'as of February 19, 2025'],
        [1679, 'fall in Marlow Industrial Average', 'change', 'exact', 'as of February 19, 2025'],
        [4, 'fall in Marlow Industrial Average', 'change', 'exact', 'as of February 19, 2025'],
        [40545, 'Marlow Industrial Average', 'level', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'The Marlow fell 4% and the tech-heavy Varnex dove nearly 6%.',
      [
        [4, 'fall in Marlow', 'change', 'exact', 'as of February 19, 2025'],
        [6, 'fall in Varnex', 'change', 'about', 'as of February 19, 2025'],
      ],
    ],
    [
      'The Marlow index closed at 38,314, down by about 2,231.',
      [
        [38314, 'marlow index', 'count', 'exact', 'as of February 19, 2025'],
        [2231, 'fall in marlow index', 'change', 'about', 'as of February 19, 2025'],
      ],
    ],
    [
      'Shares closed down 3% at $12.40.',
      [
        [3, 'fall in shares', 'change', 'exact', 'as of February 19, 2025'],
        [12.4, 'share price', 'level', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      "The company's revenue rose 5% to $2.1 billion in the quarter.",
      [
        [5, 'rise in revenue', 'change', 'exact', 'as of February 19, 2025'],
        [2_100_000_000, 'revenue', 'level', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'Sterling held onto losses of 0.7% after the committee voted 5-4 to lower the key rate to 5%.',
      [
        [0.7, 'fall in sterling', 'change', 'exact', 'as of February 19, 2025'],
        [5, 'votes in favour', 'count', 'exact', 'as of February 19, 2025'],
        [4, 'votes against', 'count', 'exact', 'as of February 19, 2025'],
        [5, 'key rate', 'level', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'The committee reduced the key rate by a quarter of a percentage point to 5 per cent.',
      [
        [0.25, 'fall in key rate', 'quantity', 'exact', 'as of February 19, 2025'],
        [5, 'key rate', 'level', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'The bank cut its key rate by 25 basis points to 5%.',
      [
        [25, 'fall in key rate', 'quantity', 'exact', 'as of February 19, 2025'],
        [5, 'key rate', 'level', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'In a narrow five-four vote, the bank reduced rates from 5.25% to 5%.',
      [
        [5.25, 'rates', 'level', 'exact', 'as of February 19, 2025'],
        [5, 'rates', 'level', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'Markets are pricing 36 basis points of easing this year, compared with about 30 basis points before the decision.',
      [
        [36, 'easing', 'quantity', 'exact', '2025'],
        [30, 'easing', 'quantity', 'about', '2025'],
      ],
    ],
    [
      'The fires may cost between $250 and $275 billion, forecasters said.',
      [
        [250_000_000_000, 'cost', 'money', 'at-least', 'as of February 19, 2025'],
        [275_000_000_000, 'cost', 'money', 'up-to', 'as of February 19, 2025'],
      ],
    ],
    ['The Palisades Fire was 13% contained on Monday.', [[13, 'share of palisades fire contained', 'share', 'exact', 'February 17, 2025']]],
    [
      'Sterling traded 0.5% weaker at $1.2791.',
      [
        [0.5, 'fall in sterling', 'change', 'exact', 'as of February 19, 2025'],
        [1.2791, 'sterling', 'level', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'The committee voted 5-4 to cut rates.',
      [
        [5, 'votes in favour', 'count', 'exact', 'as of February 19, 2025'],
        [4, 'votes against', 'count', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'The committee voted by a majority of five to four to cut rates.',
      [
        [5, 'votes in favour', 'count', 'exact', 'as of February 19, 2025'],
        [4, 'votes against', 'count', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'The examiner confirmed the deaths of 21 people, 16 from the Eaton Fire and five from the Palisade Fire.',
      [
        [21, 'deaths', 'count', 'exact', 'as of February 19, 2025'],
        [16, 'deaths in Eaton Fire', 'count', 'exact', 'as of February 19, 2025'],
        [5, 'deaths in Palisade Fire', 'count', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'Ten deaths have been confirmed, while another 14 are under investigation.',
      [
        [10, 'deaths', 'count', 'exact', 'as of February 19, 2025'],
        [14, 'deaths under investigation', 'count', 'exact', 'as of February 19, 2025'],
      ],
    ],
    ['More than 12,000 structures remain threatened.', [[12_000, 'structures threatened', 'count', 'more-than', 'as of February 19, 2025']]],
    ['At least 38 people were killed on the ground.', [[38, 'deaths on the ground', 'count', 'at-least', 'as of February 19, 2025']]],
    ['The Palisades Fire has burned 23,713 acres.', [[23_713, 'area burned by palisades fire', 'quantity', 'exact', 'as of February 19, 2025']]],
    [
      'The chipmaker posted a loss of $1.6 billion, or 38 cents per share, in the April-June period.',
      [
        [1_600_000_000, 'loss', 'money', 'exact', 'April–June 2024'],
        [38, 'loss per share', 'money', 'exact', 'April–June 2024'],
      ],
    ],
    [
      'In total, 46 cases and 12 deaths have been reported since the outbreak began.',
      [
        [46, 'cases', 'count', 'exact', 'as of February 19, 2025'],
        [12, 'deaths', 'count', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'The virus has infected 56 people and killed 12.',
      [
        [56, 'cases', 'count', 'exact', 'as of February 19, 2025'],
        [12, 'deaths', 'count', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'Seven new cases were reported, bringing the total to 37 cases, 11 of them fatal.',
      [
        [7, 'new cases', 'count', 'exact', 'as of February 19, 2025'],
        [37, 'cases', 'count', 'exact', 'as of February 19, 2025'],
        [11, 'deaths', 'count', 'exact', 'as of February 19, 2025'],
      ],
    ],
    // Cases the text already told of are no count of infections.
    ['All four cases were linked to people with heart conditions.', []],
    [
      'Sterling held onto earlier losses of 0.7% at $1.2764.',
      [
        [0.7, 'fall in sterling', 'change', 'exact', 'as of February 19, 2025'],
        [1.2764, 'sterling', 'level', 'exact', 'as of February 19, 2025'],
      ],
    ],
    // Something given is no movement of the subject.
    ['The deal calls for an immediate raise of 13%.', [[13, 'immediate raise', 'share', 'exact', 'as of February 19, 2025']]],
    [
      'The pound extended losses, falling 0.75 per cent on the day to $1.276.',
      [
        [0.75, 'fall in pound', 'change', 'exact', 'as of February 19, 2025'],
        [1.276, 'pound', 'level', 'exact', 'as of February 19, 2025'],
      ],
    ],
    ['Sterling fell to a session low of $1.2752 after the decision.', [[1.2752, 'sterling', 'level', 'exact', 'as of February 19, 2025']]],
    ['The company, which employed 116,500 people, will cut jobs.', [[116_500, 'people employed', 'count', 'exact', 'as of February 19, 2025']]],
    ['Officials evacuated 3,000 people on Monday.', [[3_000, 'evacuated', 'count', 'exact', 'February 17, 2025']]],
    // Not the verb's own object, or not done.
    ['Officials have not been able to account for 41 people.', []],
    // A month ahead of the report dates nothing past.
    ['Traders were pricing around 35 basis points of easing by December.', [[35, 'easing', 'quantity', 'about', 'as of February 19, 2025']]],
    [
      'The company expects revenue to be between $12.5 billion and $13.5 billion.',
      [
        [12_500_000_000, 'revenue', 'money', 'at-least', 'as of February 19, 2025'],
        [13_500_000_000, 'revenue', 'money', 'up-to', 'as of February 19, 2025'],
      ],
    ],
    ['The Eaton Fire scorched 14,117 acres.', [[14_117, 'area scorched by eaton fire', 'quantity', 'exact', 'as of February 19, 2025']]],
    [
      'Forecasters have predicted gusts between 50 and 70 mph.',
      [
        [50, 'gusts', 'quantity', 'at-least', 'as of February 19, 2025'],
        [70, 'gusts', 'quantity', 'up-to', 'as of February 19, 2025'],
      ],
    ],
    ['The river swelled more than 26 feet in less than an hour.', [[26, 'rise in river', 'quantity', 'more-than', 'as of February 19, 2025']]],
    ['Some valleys got more than a foot of rain.', [[1, 'rain', 'quantity', 'more-than', 'as of February 19, 2025']]],
    ['Some valleys got more than a foot and a half of rain.', [[1.5, 'rain', 'quantity', 'more-than', 'as of February 19, 2025']]],
    [
      'The cost comes to about 0.2 percentage point of the country’s gross domestic product.',
      [[0.2, 'share of gross domestic product', 'share', 'about', 'as of February 19, 2025']],
    ],
    ['Four people die in floods across the region', [[4, 'deaths', 'count', 'exact', 'as of February 19, 2025']]],
    ['Eleven people from the all-girls summer camp remain unaccounted for.', [[11, 'missing in camp', 'count', 'exact', 'as of February 19, 2025']]],
    [
      'Dockers ended the costliest strike in the United States in more than 25 years.',
      [[25, 'years since a costliest strike', 'quantity', 'more-than', 'as of February 19, 2025']],
    ],
    ['Medics attempted CPR for 29 minutes before the ambulance arrived.', [[29, 'CPR attempted', 'quantity', 'exact', 'as of February 19, 2025']]],
    // The tagger reads the British "paralysed" as an adjective; with an object after it, it is the verb.
    ['The storm largely paralysed the region for more than 10 hours.', [[10, 'region paralysed', 'quantity', 'more-than', 'as of February 19, 2025']]],
    [
      'Firefighters were called out at least nine times to carbon monoxide emergencies.',
      [[9, 'times called out to carbon monoxide emergencies', 'count', 'at-least', 'as of February 19, 2025']],
    ],
    ['It was the first strike in 16 years at the plant.', [[16, 'years since a first strike', 'quantity', 'exact', 'as of February 19, 2025']]],
    ['A town of less than 1,500 people lost power.', [[1500, 'population of town', 'count', 'fewer-than', 'as of February 19, 2025']]],
    ['The industrial sector accounts for roughly 14% of output.', [[14, 'industrial sector share', 'share', 'about', 'as of February 19, 2025']]],
    [
      'The banana trade accounts for about one in five bananas imported to the United States.',
      [[0.2, 'banana trade share', 'share', 'about', 'as of February 19, 2025']],
    ],
    ['A magnitude 6.8 earthquake struck the south.', [[6.8, 'earthquake magnitude', 'quantity', 'exact', 'as of February 19, 2025']]],
    ['A 6.8-magnitude quake struck the south.', [[6.8, 'earthquake magnitude', 'quantity', 'exact', 'as of February 19, 2025']]],
    // The largest value seen across places is the maximum itself; without "in some ..." it is a bound.
    ['The outage lasted up to 20 hours in some regions.', [[20, 'outage duration', 'quantity', 'exact', 'as of February 19, 2025']]],
    ['The outage lasted up to 20 hours.', [[20, 'outage duration', 'quantity', 'up-to', 'as of February 19, 2025']]],
    ['The navy for a decade ran a port on the island.', [[10, 'port ran', 'quantity', 'exact', 'as of February 19, 2025']]],
    ['At least four people were reported to have died in the fire.', [[4, 'deaths', 'count', 'at-least', 'as of February 19, 2025']]],
    ['At least 10 Camp Mystic campers are missing.', [[10, 'camp mystic campers missing', 'count', 'at-least', 'as of February 19, 2025']]],
    ['The village lies 65 miles north of San Marco.', [[65, 'distance north of San Marco', 'quantity', 'exact', 'as of February 19, 2025']]],
    // A distance from a thing named by a common noun, or from where the story is told; "from" a place opens no change.
    [
      'The fire broke out at a substation about five miles north of the airport.',
      [[5, 'distance north of the airport', 'quantity', 'about', 'as of February 19, 2025']],
    ],
    ['The blaze was less than two miles away.', [[2, 'distance', 'quantity', 'fewer-than', 'as of February 19, 2025']]],
    [
      'A fire at a substation 2 miles away from the airport cut power to more than 60,000 homes.',
      [
        [2, 'distance from the airport', 'quantity', 'exact', 'as of February 19, 2025'],
        [60_000, 'homes', 'count', 'more-than', 'as of February 19, 2025'],
      ],
    ],
    // Harm as a verb with its object, a casualty count, and a toll that "could top" a number (the tagger's adjective after a modal).
    ['The quake also injured more than 3,400 people.', [[3400, 'injured', 'count', 'more-than', 'as of February 19, 2025']]],
    ['The official casualty count now stands at 2,056.', [[2056, 'deaths', 'count', 'exact', 'as of February 19, 2025']]],
    ['Modelling showed the death toll could top 10,000.', [[10_000, 'deaths', 'count', 'exact', 'projected']]],
    ['Officials warned the death toll could be 10,000.', [[10_000, 'deaths', 'count', 'exact', 'projected']]],
    // What shook, one word for its synonyms: an aftershock's magnitude is not the quake's.
    [
      'The magnitude 7.7 quake was followed by a 6.7-magnitude aftershock and a magnitude 6.4 tremor.',
      [
        [7.7, 'earthquake magnitude', 'quantity', 'exact', 'as of February 19, 2025'],
        [6.7, 'aftershock magnitude', 'quantity', 'exact', 'as of February 19, 2025'],
        [6.4, 'tremor magnitude', 'quantity', 'exact', 'as of February 19, 2025'],
      ],
    ],
    // A place fronted with a description: "In neighbouring Thailand, ...".
    ['In neighbouring Thailand, the quake killed at least 10 people.', [[10, 'deaths in Thailand', 'count', 'at-least', 'as of February 19, 2025']]],
    // A range opened by "of" bounds one figure, as "between" does; "from" opens a change.
    [
      'AccuWeather gave a preliminary estimate of total damage of $95 billion to $110 billion.',
      [
        [95_000_000_000, 'damage', 'money', 'at-least', 'as of February 19, 2025'],
        [110_000_000_000, 'damage', 'money', 'up-to', 'as of February 19, 2025'],
      ],
    ],
    // Two counts in one sentence, each in its own state; the toll's noun is the nearest one before its verb.
    [
      'The death toll climbed to 2,122 with 2,421 people injured, state TV reported.',
      [
        [2122, 'deaths', 'count', 'exact', 'as of February 19, 2025'],
        [2421, 'injured', 'count', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'Earlier, the death toll was 2,946 and the number of injuries was 6,125.',
      [
        [2946, 'deaths', 'count', 'exact', 'as of February 19, 2025'],
        [6125, 'injured', 'count', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'The search for the missing went on and the death toll of more than 2,100 seemed likely to rise.',
      [[2100, 'deaths', 'count', 'more-than', 'as of February 19, 2025']],
    ],
    [
      "The death toll from Friday's magnitude 6.8 earthquake has risen to at least 2,900.",
      [
        [6.8, 'earthquake magnitude', 'quantity', 'exact', 'as of February 19, 2025'],
        [2900, 'deaths', 'count', 'at-least', 'as of February 19, 2025'],
      ],
    ],
    ['The death toll of the quake has gone up to 2,497.', [[2497, 'deaths', 'count', 'exact', 'as of February 19, 2025']]],
    ['Five people were killed from one family.', [[5, 'deaths in one family', 'count', 'exact', 'as of February 19, 2025']]],
    ['Shares Surge After $47 Billion Buyout Deal', [[47_000_000_000, 'buyout deal', 'money', 'exact', 'as of February 19, 2025']]],
    ['More than 190 people are presumed drowned.', [[190, 'missing', 'count', 'more-than', 'as of February 19, 2025']]],
    ['Officials said some 80 people were on the vessel.', [[80, 'people aboard', 'count', 'about', 'as of February 19, 2025']]],
    ['The plane was carrying 132 passengers.', [[132, 'passengers aboard', 'count', 'exact', 'as of February 19, 2025']]],
    ['Acme shares were up 2.2 percent in early trading.', [[2.2, 'rise in acme shares', 'change', 'exact', 'as of February 19, 2025']]],
    ['The boat was five times over its passenger capacity.', [[5, 'multiple of passenger capacity', 'multiple', 'exact', 'as of February 19, 2025']]],
    ['The ferry had nearly five times the number of passengers allowed.', [[5, 'multiple of passengers', 'multiple', 'about', 'as of February 19, 2025']]],
    ['Portline agreed to buy Varn for $110 a share.', [[110, 'price per share', 'money', 'exact', 'as of February 19, 2025']]],
    ['Acme reported earnings of $1.20 a share.', [[1.2, 'earnings per share', 'money', 'exact', 'as of February 19, 2025']]],
    ['The country has nearly 1.3 million internally displaced people.', [[1_300_000, 'displaced', 'count', 'about', 'as of February 19, 2025']]],
    // Votes counted one way, in a sentence about a vote.
    [
      'By a vote of 12 in favour to none against, with 3 abstentions, the council adopted the resolution.',
      [
        [12, 'votes in favour', 'count', 'exact', 'as of February 19, 2025'],
        [3, 'abstentions', 'count', 'exact', 'as of February 19, 2025'],
      ],
    ],
    ['The resolution was adopted after 12 member states voted in favour of it.', [[12, 'votes in favour', 'count', 'exact', 'as of February 19, 2025']]],
    [
      'The resolution was approved by 12 council members, with two abstaining.',
      [
        [12, 'votes in favour', 'count', 'exact', 'as of February 19, 2025'],
        [2, 'abstentions', 'count', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'Two members voted against and 12 in favour of the resolution.',
      [
        [2, 'votes against', 'count', 'exact', 'as of February 19, 2025'],
        [12, 'votes in favour', 'count', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'The vote was 12-0, with three members abstaining.',
      [
        [12, 'votes in favour', 'count', 'exact', 'as of February 19, 2025'],
        [3, 'abstentions', 'count', 'exact', 'as of February 19, 2025'],
      ],
    ],
    ['Turnout at polling stations was 71.6%.', [[71.6, 'turnout', 'share', 'exact', 'as of February 19, 2025']]],
    [
      'Ruiz won 50.89 percent of the vote, with turnout hitting 71.7%.',
      [
        [50.89, 'vote share for Ruiz', 'share', 'exact', 'as of February 19, 2025'],
        [71.7, 'turnout', 'share', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'One exit poll gave Ruiz 50.3 per cent of the vote, against 49.7 percent for Soto.',
      [
        [50.3, 'vote share for Ruiz', 'share', 'exact', 'as of February 19, 2025'],
        [49.7, 'vote share for Soto', 'share', 'exact', 'as of February 19, 2025'],
      ],
    ],
    [
      'The exit poll gave Ruiz 50.3% against Soto’s 49.7%.',
      [
        [50.3, 'vote share for Ruiz', 'share', 'exact', 'as of February 19, 2025'],
        [49.7, 'vote share for Soto', 'share', 'exact', 'as of February 19, 2025'],
      ],
    ],
    // Shares "voted for" are each party's, paired with their names by "respectively"; "of the national vote" is a vote share.
    [
      'The Greens and the Left Party will enter parliament: they were voted for by 11.6% and 8.8% of voters, respectively.',
      [
        [11.6, 'vote share for Greens', 'share', 'exact', 'as of February 19, 2025'],
        [8.8, 'vote share for Left Party', 'share', 'exact', 'as of February 19, 2025'],
      ],
    ],
    ['The AfD is now second, with some 21 per cent of the national vote.', [[21, 'vote share', 'share', 'about', 'as of February 19, 2025']]],
    // What a named party won, and the list that names the next ones with the noun left out.
    [
      'The CDU won 208 seats, AfD — 151, SPD — 121 and the Left Party — 64.',
      [
        [208, 'seats for CDU', 'count', 'exact', 'as of February 19, 2025'],
        [151, 'seats for AfD', 'count', 'exact', 'as of February 19, 2025'],
        [121, 'seats for SPD', 'count', 'exact', 'as of February 19, 2025'],
        [64, 'seats for Left Party', 'count', 'exact', 'as of February 19, 2025'],
      ],
    ],
    ['Over 10.3 million Germans voted for the AfD, the results show.', [[10_300_000, 'votes for AfD', 'count', 'more-than', 'as of February 19, 2025']]],
    [
      'The conservatives won 208 seats, while the AfD won 152.',
      [
        [208, 'seats', 'count', 'exact', 'as of February 19, 2025'],
        [152, 'seats for AfD', 'count', 'exact', 'as of February 19, 2025'],
      ],
    ],
    ['The contract was rejected by 64% against 36%.', [[64, 'votes against', 'share', 'exact', 'as of February 19, 2025']]],
    ['That is an 11.5 percent premium to the closing price.', [[11.5, 'premium', 'share', 'exact', 'as of February 19, 2025']]],
    ['Acme shares (ACM) rose 2.9% in early trading.', [[2.9, 'rise in acme shares', 'change', 'exact', 'as of February 19, 2025']]],
    ['Shares in Acme were down more than 4 per cent in early trading.', [[4, 'fall in shares in Acme', 'change', 'more-than', 'as of February 19, 2025']]],
    ['Gangs now control 90% of the capital, Port-au-Prince.', [[90, 'share of capital controlled by gangs', 'share', 'exact', 'as of February 19, 2025']]],
    [
      'Waltz called it a mission five times the size of its predecessor.',
      [[5, 'multiple of size of predecessor', 'multiple', 'exact', 'as of February 19, 2025']],
    ],
    // Two modifiers of one head, joined by "and".
    [
      'The force has 5,500 uniformed military and police personnel.',
      [[5500, 'uniformed military police personnel', 'count', 'exact', 'as of February 19, 2025']],
    ],
    // The subject is before an aside set off by commas, not inside it.
    ['The cost of the repairs, including labour, is $4 million.', [[4_000_000, 'repairs', 'money', 'exact', 'as of February 19, 2025']]],
  ])('reads %s', (sentence, expected) => {
    expect(read(sentence)).toEqual(expected);
  });

  it.each<Counts>([
    // A place's part of a toll: named after the part, in a "where" clause before it, or as the one "accounting for" it.
    [
      'At least 56 people were killed across five states, including 23 people in South Carolina and 11 in Florida.',
      [
        [56, 'deaths', 'at-least'],
        [5, 'states', 'exact'],
        [23, 'deaths in South Carolina', 'exact'],
        [11, 'deaths in Florida', 'exact'],
      ],
    ],
    ['The toll is highest in South Carolina, where 19 people lost their lives.', [[19, 'deaths in South Carolina', 'exact']]],
    // A named event a count is tied to is its place; a count over two named places is no one place's.
    ['The coroner reported 17 deaths tied to the Harlow Fire on Tuesday.', [[17, 'deaths in Harlow Fire', 'exact']]],
    ['25 people dead in Harlow and Brent fires as the city braces for more wind.', [[25, 'deaths', 'exact']]],
    [
      'The coroner confirmed 25 deaths, including 16 lives lost in the Harlow Fire and another nine in the Brent Fire.',
      [
        [25, 'deaths', 'exact'],
        [16, 'deaths in Harlow Fire', 'exact'],
        [9, 'deaths in Brent Fire', 'exact'],
      ],
    ],
    // "N of the deaths", and the next item of the list said to come from its own place.
    [
      'Five of the deaths were attributed to the Harlow Fire and 11 resulted from the Brent Fire, the coroner said.',
      [
        [5, 'deaths in Harlow Fire', 'exact'],
        [11, 'deaths in Brent Fire', 'exact'],
      ],
    ],
    // Past an aside between dashes to the state.
    ['Around 20 more people – all in the market – were feared dead.', [[20, 'missing', 'about']]],
    // People under orders to leave are evacuated, however the orders are worded.
    ['Almost 200,000 people are under mandatory evacuation orders.', [[200000, 'evacuated', 'about']]],
    ['Nearly 70,000 people were under orders to flee their homes.', [[70000, 'evacuated', 'about']]],
    // The lives a thing took are its dead; lives saved are not.
    ['The crash claimed 270 lives.', [[270, 'deaths', 'exact']]],
    ['It resulted in the loss of 241 lives, including passengers and crew.', [[241, 'deaths', 'exact']]],
    ['The storm cost at least 40 lives in Florida.', [[40, 'deaths in Florida', 'at-least']]],
    ['Lifeguards saved 12 lives on Sunday.', [[12, 'lives', 'exact']]],
    // A vehicle's manifest counts those aboard, whatever its verb; passengers and crew together are everyone aboard.
    [
      'The flight had 232 passengers and 10 crew members when it went down.',
      [
        [232, 'passengers aboard', 'exact'],
        [10, 'crew members aboard', 'exact'],
      ],
    ],
    ['The jet was carrying 242 passengers and crew members.', [[242, 'people aboard', 'exact']]],
    [
      'There was one survivor out of 242 passengers and crew on board.',
      [
        [1, 'survivor', 'exact'],
        [242, 'people aboard', 'exact'],
      ],
    ],
    ['The closure affected 200,000 passengers at the airport.', [[200000, 'passengers', 'exact']]],
    // One person is a count, however few: "just one survivor", "only one known survivor".
    ['There was just one survivor.', [[1, 'survivor', 'exact']]],
    ['Officials said there was only one known survivor.', [[1, 'survivor', 'exact']]],
    ['There is only one way out of the valley.', []],
    // A state word before the people counted.
    ['The search turned into a recovery effort for six missing people.', [[6, 'missing', 'exact']]],
    ['Rescuers pulled two injured workers from the water.', [[2, 'workers injured', 'exact']]],
    // A state right after a count is its own, whatever verb came before; a kind of place before its name.
    [
      'So far 1,644 people have been reported killed in Varnia and 3,408 missing.',
      [
        [1644, 'deaths in Varnia', 'exact'],
        [3408, 'missing', 'exact'],
      ],
    ],
    ['The quake also killed eight people in the capital Norlport.', [[8, 'deaths in Norlport', 'exact']]],
    ['The toll reached 1,644 amid extensive damage in the city of Norlport.', [[1644, 'deaths', 'exact']]],
    // The people of a place, named by a capitalised plural, are whose deaths these are: not the whole toll.
    ['Officials said a confirmed 10 Varnians had died in the storm.', [[10, 'Varnians killed', 'exact']]],
    // Past a relative clause to the state: "who were filling potholes ... are presumed dead".
    ['Six construction workers who were filling potholes on the bridge are presumed dead.', [[6, 'construction workers missing', 'exact']]],
    [
      'Officials counted 93 deaths, with North Carolina accounting for 36 deaths, followed by South Carolina at 25.',
      [
        [93, 'deaths', 'exact'],
        [36, 'deaths in North Carolina', 'exact'],
        [25, 'deaths in South Carolina', 'exact'],
      ],
    ],
    [
      'A magnitude 6.8 earthquake struck on Monday, killing at least 120 people and injuring more than 300.',
      [
        [6.8, 'earthquake magnitude', 'exact'],
        [120, 'deaths', 'at-least'],
        [300, 'injured', 'more-than'],
      ],
    ],
    [
      'The death toll rose to 150 on Sunday, with 320 people injured.',
      [
        [150, 'deaths', 'exact'],
        [320, 'injured', 'exact'],
      ],
    ],
    [
      'Twelve people were killed and 40 were wounded in the attack.',
      [
        [12, 'deaths', 'exact'],
        [40, 'injured', 'exact'],
      ],
    ],
    [
      'At least 82 people are dead and another 41 are missing, officials said on Sunday.',
      [
        [82, 'deaths', 'at-least'],
        [41, 'missing', 'exact'],
      ],
    ],
    // The people of a place named by a common noun are that place's: the camp's missing, not everyone's.
    ['Eleven people from the riverside camp remain unaccounted for.', [[11, 'missing in camp', 'exact']]],
    [
      'There were 94 confirmed fatalities in Harlan County, up from 87 reported Tuesday morning.',
      [
        [94, 'deaths in Harlan County', 'exact'],
        [87, 'deaths in Harlan County', 'exact'],
      ],
    ],
    [
      'The dead include 40 adults and 28 children.',
      [
        [40, 'adults killed', 'exact'],
        [28, 'children killed', 'exact'],
      ],
    ],
    [
      'Of the bodies recovered, 12 of the adults and nine of the children remain unidentified.',
      [
        [12, 'adults unidentified', 'exact'],
        [9, 'children unidentified', 'exact'],
      ],
    ],
    // The whole of a part is no count in the state; a vague "from the area" narrows nothing.
    [
      'Three of the 12 hikers are still missing.',
      [
        [3, 'missing', 'exact'],
        [12, 'hikers', 'exact'],
      ],
    ],
    ['Four people from the same family died.', [[4, 'deaths', 'exact']]],
    ['Three elderly people died from suspected carbon monoxide poisoning.', [[3, 'deaths from carbon monoxide poisoning', 'exact']]],
    [
      'A total of 15 confirmed dead have been reported in five other counties.',
      [
        [15, 'deaths in other counties', 'exact'],
        [5, 'other counties', 'exact'],
      ],
    ],
  ])('counts casualties in %s', (sentence, expected) => {
    expect(figures(sentence).map((f) => [f.value, f.metric, f.typed?.bound])).toEqual(expected);
  });

  it('reads a comparison base as an earlier value of the same measure', () => {
    const [now, base] = figures('There were 94 confirmed fatalities in Harlan County, up from 87 reported Tuesday morning.');
    expect(base?.typed?.baseline).toBe(true);
    expect(base?.period).toBe('February 18, 2025, morning');
    expect(now?.typed?.baseline).toBeUndefined();
  });

  it('reads the first number of a range in the scale, percent and unit of the second', () => {
    const units = (sentence: string) => figures(sentence).map((f) => [f.value, f.unit, f.typed?.bound]);
    expect(units('The storm brought winds of between 50 and 70 mph.')).toEqual([
      [50, 'mph', 'at-least'],
      [70, 'mph', 'up-to'],
    ]);
    expect(units('Prices rose between 5 and 7% last year.').map(([, unit]) => unit)).toEqual(['percent', 'percent']);
    // A bigger first number is no part of the second's scale: "from 12 to 15 million" may well be.
    expect(figures('Attendance fell from 900 to 2 million.').map((f) => f.value)).toEqual([900, 2_000_000]);
  });

  it('reads where a change started, told after where it ended, as a comparison base', () => {
    const [now, base] = figures('The jobless rate rose to 4.2% in January, from 4.1% in December.');
    expect([now?.metric, now?.typed?.baseline, base?.metric, base?.typed?.baseline]).toEqual(['jobless rate', undefined, 'jobless rate', true]);
    // A new clause between is another change: its "from" and "to" are both levels of what it changed.
    expect(figures('Exports rose to $2 billion, imports fell from $1.5 billion to $1.2 billion.').map((f) => [f.metric, f.typed?.baseline])).toEqual([
      ['exports', undefined],
      ['imports', undefined],
      ['imports', undefined],
    ]);
  });

  it('resolves "that figure" to the measure of the sentence before, keeping its unit', () => {
    const got = figures('Homicides rose to 47 per 100,000 in 2023. That figure dropped to 38 per 100,000 last year.');
    expect(got.at(-1)).toMatchObject({ value: 38, metric: 'homicide rate', period: '2024' });
  });

  it('keeps the unit of a list for the numbers that follow it bare', () => {
    const got = figures('Homicides have risen from six per 100,000 inhabitants in 2018 to a record 47 in 2023.');
    expect(got.map((f) => f.unit)).toEqual(['per 100,000 inhabitants', 'per 100,000 inhabitants']);
  });

  it('tells the same figure in another unit once, and money in another currency apart', () => {
    expect(figures("The river's crest was more than 39 feet (11.8 meters).").map((f) => f.value)).toEqual([39]);
    expect(figures('The damage came to €1.6 billion ($1.8 billion).').map((f) => f.unit)).toEqual(['euros', 'US dollars']);
  });

  it('converts within a dimension and never across currencies', () => {
    const [feet] = figures('The river rose 20 feet.');
    expect(feet?.typed?.unit).toMatchObject({ id: 'unit.foot', dimension: 'length' });
    expect((feet?.value ?? 0) * (feet?.typed?.unit.toBase ?? 0)).toBeCloseTo(6.096);
    const [euros] = figures('It cost €2 billion.');
    expect(euros?.typed?.unit).toMatchObject({ id: 'currency.eur', dimension: 'money', toBase: 1 });
  });

  it.each([
    ['dates and years', 'The vote is on April 13, and the court ruled on June 6, 2024.'],
    ['relative periods', 'Violence has grown over the past four years, and the first round was 10 days ago.'],
    ['names with numbers', 'Troops trained at exercise Resolute Sentinel 24 near the coast.'],
    ['page numbers', 'The report says so on page 12.'],
    ['idioms with one', 'He won one of two spots in the runoff.'],
    ['ages', 'The father, 81, and a 46-year-old woman were found at home.'],
    ['ages in brackets', 'A fisherman (44) and an elderly couple (81 and 77) were rescued.'],
    ['ages given together', 'The couple, of 81 and 77 years old, were rescued.'],
    ['clock times', 'Power went out at 12:33 pm and returned by 11 pm.'],
    ['codes', 'Workers kept their 401(k) plans.'],
    ['one of a thing', 'Photos show a camp missing one entire side.'],
    ['model names', 'Pilots said the 320 Neo jet handled well.'],
    ['how long a record stood', 'The pound hit a 30-year low against the dollar.'],
    ['a span naming a kind of thing', 'Investors sold 10-year gilts and bought two-year Treasury notes.'],
    ['a distance of one unit', 'The camp sits less than a mile from the river.'],
  ])('ignores %s', (_what, sentence) => {
    expect(figures(sentence)).toEqual([]);
  });

  it('takes no number of a name written with an ampersand ("the S&P 500") for a figure', () => {
    expect(read('The S&P 500 fell sharply on the news.')).toEqual([]);
  });

  it('says which rule read each number and why another is no figure', () => {
    const [s] = analyse('The father, 81, said at least 12 people died in 2024.');
    if (!s) throw new Error('no sentence');
    const notes = readFigures(s, pub, {}, { file: 'a.txt', quote: s.text, position: 0 }).notes;
    expect(notes.map((n) => [n.text, n.figure?.typed?.rule ?? n.excluded?.rule])).toEqual([
      ['2024', 'period.year'],
      ['81', 'not.age'],
      ['12', 'state.dead'],
    ]);
  });
});

describe('periods, against the publication date', () => {
  it('dates "It killed 12,000" by the earlier year the sentence before names, as a measure of its own', () => {
    expect(read('A quake of the same size hit the coast in 1960. It killed at least 12,000 people. Twelve people died on Sunday.')).toEqual([
      [12_000, 'deaths in 1960', 'count', 'at-least', '1960'],
      [12, 'deaths', 'count', 'exact', 'February 16, 2025'],
    ]);
  });

  it.each([
    ['Twelve people were killed on Sunday.', 'February 16, 2025'],
    ['Twelve people were killed late Tuesday.', 'February 18, 2025'],
    ['The toll stood at 12 on Jan. 30.', 'January 30, 2025'],
    ['The toll stood at 12 on Dec. 30.', 'December 30, 2024'],
    ['There were 3,753 homicides between January and July last year.', 'January–July 2024'],
    ['Sales fell 5% in the fourth quarter.', 'Q4 2024'],
    ['Sales rose 5% in Q1.', 'Q1 2025'],
    ['Second-quarter sales rose 5%.', 'Q2 2024'],
    ['It lost more than $6 billion in the three months that ended in September.', '3 months to September 2024'],
    ['Average pay will rise to $119,309 under the new contract.', 'projected'],
    ['The strike has cost $5 billion since it began in September.', 'since September 2024'],
    // A deadline ahead dates nothing, even where two day names share a window of text.
    ['The 4,000 miners can return as soon as Friday or as late as March 12.', 'as of February 19, 2025'],
    ['The 4,000 miners could return as soon as Friday but must be back by Mar. 12.', 'as of February 19, 2025'],
    // A day or month after a count is its date, not part of a name ("737 Max"), and "The county Sunday" is no event's name.
    ['The death toll rose to 82 Sunday morning, officials said.', 'February 16, 2025, morning'],
    ['The county Sunday reported 82 deaths.', 'February 16, 2025'],
    // "as late as" a past day dates what was so then.
    ['As late as Saturday night, 20 people were still missing.', 'February 15, 2025, night'],
    // A day inside a clause opened by "since" dates that clause's event, not the figure.
    [
      'It is the first walkout in 16 years for a company that has lurched from crisis to crisis since a fire shut down its oldest assembly plant in January.',
      'as of February 19, 2025',
    ],
  ])('dates %s', (sentence, period) => {
    expect(figures(sentence).map((f) => f.period)).toEqual([period]);
  });

  it('does not date a figure by an event a date names ("the July 4 flood", "the catastrophic Fourth of July flooding")', () => {
    expect(figures('At least 171 people are missing from the Jan. 4 flood.').map((f) => f.period)).toEqual(['as of February 19, 2025']);
    expect(
      figures('Eleven campers remain unaccounted for as hopes of finding survivors from the catastrophic Fifth of February flooding fade.').map(
        (f) => f.period,
      ),
    ).toEqual(['as of February 19, 2025']);
    expect(figures('Twelve people died on the fifth of February.').map((f) => f.period)).toEqual(['February 5, 2025']);
  });
});

const setOf = (files: [string, string][]): Briefing => {
  const set = buildSet({ title: 'T', topics: [], articles: files.map(([name, text]) => parseArticle(name, text)) });
  const r = brief(set);
  if (!r.ok) throw new Error('no briefing');
  return r.value;
};

describe('reconciliation by what is measured', () => {
  it("sets no two parties' shares against each other when the set names several parties and these shares name none", () => {
    const b = setOf([
      ['a.txt', 'CDU wins German election\nDate: 2025-02-24\nThe CDU won 28.5% of the vote.\nA party in second place got 20.8% of the vote.\n'],
      ['b.txt', 'CDU ahead as AfD surges\nDate: 2025-02-24\nThe CDU took 28.6% of the vote.\nA party in second place got 16.4% of the vote.\n'],
      ['c.txt', 'CDU leads\nDate: 2025-02-24\nThe AfD won 20.8% of the vote.\n'],
    ]);
    expect(b.conflicts.map((c) => [c.metric, c.values.map((v) => v.value)])).toEqual([['vote share for CDU', [28.5, 28.6]]]);
  });

  it("sets one party's seats from two sources against each other, however each names the noun", () => {
    const b = setOf([
      ['a.txt', 'Merz heads to form government\nDate: 2025-02-24\nThe conservatives won 208 seats in the 630-seat Bundestag, while the AfD won 152.\n'],
      ['b.txt', 'CDU won the election\nDate: 2025-02-24\nAccording to the results, CDU will receive 208 seats, AfD — 151, SPD — 121 and the Greens — 85.\n'],
    ]);
    expect(b.conflicts.map((c) => [c.metric, c.values.map((v) => v.value)])).toEqual([['seats for AfD', [152, 151]]]);
  });

  it('sets no loss against another a factor of ten apart: two losses, not a disagreement', () => {
    const b = setOf([
      ['a.txt', 'Outage costs\nDate: 2024-07-24\nThe investment firm is sitting on losses of about $430 million.\n'],
      ['b.txt', 'Outage costs\nDate: 2024-07-24\nThe top shareholders are sitting on losses of more than $10 billion.\n'],
      ['c.txt', 'Outage costs\nDate: 2024-07-24\nThe investment firm is sitting on losses of about $500 million.\n'],
    ]);
    expect(b.conflicts.map((c) => c.values.map((v) => v.value))).toEqual([[430e6, 500e6]]);
  });

  it('sets one manifest against another, whatever verb each uses, passengers apart from crew', () => {
    const b = setOf([
      ['a.txt', 'Jet crashes\nDate: 2025-06-12\nThe flight had 232 passengers and 10 crew members when it went down.\n'],
      ['b.txt', 'Jet crash\nDate: 2025-06-12\nThe airline said the flight was carrying 230 passengers and 12 crew members.\n'],
    ]);
    expect(b.conflicts.map((c) => [c.metric, c.values.map((v) => v.value)])).toEqual([
      ['passengers aboard', [232, 230]],
      ['crew members aboard', [10, 12]],
    ]);
  });

  it("sets a place's part of a toll, however read, against the same place's count elsewhere", () => {
    const b = setOf([
      ['a.txt', 'Storm kills dozens\nDate: 2024-09-29\nThe toll is highest in South Carolina, where 19 people lost their lives.\n'],
      [
        'b.txt',
        'Storm toll rises\nDate: 2024-09-29\nAt least 56 people were killed across five states, including 23 people in South Carolina and 11 in Florida.\n',
      ],
    ]);
    expect(b.conflicts.map((c) => [c.metric, c.values.map((v) => v.value)])).toEqual([['deaths in South Carolina', [19, 23]]]);
  });

  it('takes "1,200 jobs" and "1,200 positions", "8% of its workforce" and "8 percent of staff" as one figure each', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2024-11-04\n\nThe company said it would cut 1,200 jobs, about 8% of its workforce, on Monday.\n'],
      ['b.txt', 'B\nDate: 2024-11-05\n\nThe company will eliminate 1,200 positions, roughly 8 percent of staff, it said.\n'],
    ]);
    expect(b.figures.map((f) => [f.value, f.sources.map((s) => s.file)])).toEqual(
      expect.arrayContaining([
        [1200, ['a.txt', 'b.txt']],
        [8, ['a.txt', 'b.txt']],
      ]),
    );
    expect(b.figures).toHaveLength(2);
  });

  it('takes "33,000 union members" and "33,000 workers" from two sources as one figure', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2024-11-05\n\nThe strike by 33,000 union members ended on Monday.\n'],
      ['b.txt', 'B\nDate: 2024-11-05\n\nThe union represents 33,000 workers at the plant.\n'],
    ]);
    expect(b.figures.filter((f) => f.value === 33_000).map((f) => f.sources.length)).toEqual([2]);
  });

  it('takes "82 people are dead" and "a death toll of 82" for one measure', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2025-07-06\n\nAt least 82 people are dead, officials said.\n'],
      ['b.txt', 'B\nDate: 2025-07-06\n\nThe death toll rose to 82 on Sunday.\n'],
    ]);
    expect(b.figures.map((f) => [f.value, f.metric, f.sources.length])).toEqual([[82, 'deaths', 2]]);
  });

  it('flags two counts of one moment as a contradiction, with references to its figures', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2025-07-08\n\nA total of 109 people have been confirmed dead, the governor said on Tuesday.\n'],
      ['b.txt', 'B\nDate: 2025-07-08\n\nThe death toll has reached at least 111, officials said on Tuesday.\n'],
    ]);
    expect(b.conflicts.map((c) => [c.metric, c.kind, c.values.map((v) => v.text)])).toEqual([['deaths', 'contradiction', ['109', 'at least 111']]]);
    expect(b.conflicts[0]?.figures.every((f) => b.figures.includes(f))).toBe(true);
  });

  it('tells a difference the bounds allow as such, never as a contradiction', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2025-07-04\n\nAt least 24 people have been killed by the floods, officials said Friday.\n'],
      ['b.txt', 'B\nDate: 2025-07-04\n\nThe death toll rose to 25 on Friday.\n'],
    ]);
    expect(b.conflicts.map((c) => c.kind)).toEqual(['bounds']);
  });

  it('takes two counts of one thing for one count when one narrows it by a word the other uses nearby', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2024-11-04\n\nMembers resoundingly rejected two previous contract offers from the company.\n'],
      ['b.txt', 'B\nDate: 2024-11-04\n\nAll previous three offers were rejected by the striking members.\n'],
    ]);
    expect(b.conflicts.map((c) => [c.kind, c.values.map((v) => v.value)])).toEqual([['contradiction', [2, 3]]]);
  });

  it('keeps counts narrowed by different words apart', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2024-11-04\n\nMembers rejected two previous offers from the company.\n'],
      ['b.txt', 'B\nDate: 2024-11-04\n\nManagers made three new offers to the union.\n'],
    ]);
    expect(b.conflicts).toEqual([]);
  });

  it('reads "the river" as the one river the story names, and not the span a change took as a figure', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2025-07-04\n\nThe Guadalupe River swelled more than 26 feet in less than an hour on Friday.\n'],
      ['b.txt', 'B\nDate: 2025-07-04\n\nA meteorologist said the river shot up 20 feet in two hours on Friday.\n'],
    ]);
    expect(b.figures.map((f) => f.value).sort()).toEqual([20, 26]);
    expect(b.conflicts.map((c) => [c.kind, c.values.map((v) => v.value)])).toEqual([['contradiction', [26, 20]]]);
  });

  it('reads "the outage" and "the blackout" as one event where the story writes "power outage", and "up to" across places as the maximum', () => {
    const b = setOf([
      [
        'a.txt',
        'A\n' +
          'Date: 2026-01-14\n' +
          '\n' +
          'The power outage hit the northern suburbs on Monday night. The outage that began on Monday night lasted up to 14 hours in some districts.\n',
      ],
      ['b.txt', 'B\nDate: 2026-01-14\n\nThe blackout began on Monday night and lasted nearly 11 hours in some neighbourhoods.\n'],
    ]);
    expect(b.conflicts.map((c) => [c.kind, c.values.map((v) => v.text)])).toEqual([['contradiction', ['up to 14', 'nearly 11']]]);
  });

  it('takes one distance from a place two sources spell a letter apart, whatever their compass spelling and descriptions', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2026-01-14\n\nThe epicentre was 71 km south-west of Valdemarsh, at a depth of 18 km.\n'],
      ['b.txt', 'B\nDate: 2026-01-14\n\nThe quake struck 72 km (45 miles) southwest of the city of Valdemarch.\n'],
      ['c.txt', 'C\nDate: 2026-01-14\n\nIt hit a mountain area 72 kilometres southwest of tourist hotspot Valdemarch.\n'],
    ]);
    expect(b.conflicts.map((c) => [c.kind, c.values.map((v) => v.text).sort()])).toEqual([['contradiction', ['71', '72']]]);
  });

  it('keeps two places a letter apart when their names are short: "Perry" and "Kerry" are two counties', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2026-01-14\n\nThe town lies 71 km south of Perry.\n'],
      ['b.txt', 'B\nDate: 2026-01-14\n\nThe town lies 72 km south of Kerry.\n'],
    ]);
    expect(b.conflicts).toEqual([]);
  });

  it('sees no disagreement where every source gives one value, however each dates it', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2016-10-27\n\nPortline agreed to pay $110 a share for Varn, the companies said in a statement Thursday.\n'],
      ['b.txt', 'B\nDate: 2016-10-27\n\nUnder the agreement, Portline will pay $110 a share in cash for each Varn share.\n'],
    ]);
    const both = b.figures.filter((f) => f.value === 110);
    expect(both.map((f) => f.period).sort()).toEqual(['October 27, 2016', 'projected']);
    expect(conflictOf(both)).toBeUndefined();
  });

  it('sets the people aboard two reports give on consecutive days against each other: told once, not a running count', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2026-01-14\n\nThe ferry was carrying an estimated 150 people when it sank.\n'],
      ['b.txt', 'B\nDate: 2026-01-15\n\nOfficials said some 80 people were on the ferry when it sank.\n'],
    ]);
    expect(b.timelines).toEqual([]);
    expect(b.conflicts.map((c) => c.values.map((v) => v.text).sort())).toEqual([['an estimated 150', 'some 80']]);
  });

  it('keeps "the outage" apart from "the blackout" where the story never writes "power outage"', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2026-01-14\n\nThe outage that began on Monday night lasted 14 hours.\n'],
      ['b.txt', 'B\nDate: 2026-01-14\n\nThe blackout began on Monday night and lasted 11 hours.\n'],
    ]);
    expect(b.conflicts).toEqual([]);
  });

  it('keeps "up to" a bound where it bounds one value, not the largest across places', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2026-01-14\n\nThe closure lasted up to 14 hours, the operator said on Wednesday.\n'],
      ['b.txt', 'B\nDate: 2026-01-14\n\nThe closure lasted 11 hours, engineers said on Wednesday.\n'],
    ]);
    expect(b.conflicts.map((c) => c.kind)).toEqual(['bounds']);
  });

  it('keeps a bare head apart from named ones when the story names two', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2025-07-04\n\nThe Guadalupe River swelled 26 feet on Friday. The Llano River rose 12 feet on Friday.\n'],
      ['b.txt', 'B\nDate: 2025-07-04\n\nThe river rose 20 feet on Friday.\n'],
    ]);
    expect(b.conflicts).toEqual([]);
  });

  it('calls values that agree at the coarser precision rounding', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2025-04-30\n\nAnalysts said the damage came to $2 billion on Wednesday.\n'],
      ['b.txt', 'B\nDate: 2025-04-30\n\nThe damage came to $2.1 billion, an estimate said on Wednesday.\n'],
    ]);
    expect(b.conflicts.map((c) => c.kind)).toEqual(['rounding']);
  });

  it('makes a timeline, not a conflict, of one measure at different moments', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2025-07-05\n\nThe death toll rose to 43 on Saturday.\n'],
      ['b.txt', 'B\nDate: 2025-07-07\n\nAt least 104 people are dead, officials said on Monday.\n'],
    ]);
    expect(b.conflicts).toEqual([]);
    expect(b.timelines?.map((t) => [t.metric, t.points.map((p) => p.figures.map((f) => f.value))])).toEqual([['deaths', [[43], [104]]]]);
  });

  it("leaves out of a running count's timeline a whole year's count of another event it is compared with", () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2025-07-05\n\nThe death toll rose to 43 on Saturday.\n'],
      ['b.txt', 'B\nDate: 2025-07-07\n\nAt least 104 people are dead, officials said on Monday.\n\nA ferry sinking in 2014 killed 298 people.\n'],
    ]);
    expect(b.timelines?.map((t) => t.points.map((p) => p.figures.map((f) => f.value)))).toEqual([[[43], [104]]]);
  });

  it('sets "sterling" and "the pound" against each other: one currency', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2024-08-01\n\nSterling fell 0.7% against the dollar after the decision.\n'],
      ['b.txt', 'B\nDate: 2024-08-01\n\nThe pound fell 0.75 per cent against the dollar after the decision.\n'],
    ]);
    expect(b.conflicts.map((c) => c.values.map((v) => v.value).sort())).toEqual([[0.7, 0.75]]);
  });

  it('sets no count of one nationality against the count of all: "169 Indian passengers" of "242 passengers"', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2025-06-12\n\nThe Indian jet with 242 passengers and crew on board crashed into a hostel soon after take-off.\n'],
      ['b.txt', 'B\nDate: 2025-06-12\n\nThe airline said there were 169 Indian passengers, 53 British and a Canadian on board the plane.\n'],
    ]);
    expect(b.conflicts).toEqual([]);
  });

  it("dates an article's counts by the one part of the day it gives counts at: a morning count and an afternoon one are a timeline", () => {
    const b = setOf([
      [
        'a.txt',
        'A\nDate: 2025-07-06\n\nCrews searched for 11 campers on Sunday morning.\n\nThe sheriff said 59 people have been confirmed dead in the county.\n',
      ],
      ['b.txt', 'B\nDate: 2025-07-06\n\nThe sheriff said at a news conference on Sunday afternoon that 68 people have been confirmed dead in the county.\n'],
    ]);
    expect(b.conflicts).toEqual([]);
    expect(b.timelines?.map((t) => t.points.map((p) => p.figures.map((f) => f.value)))).toEqual([[[59], [68]]]);
  });

  it('sets a count dated by its day alone against the latest count of that day, and keeps one value told at two parts of a day as one figure', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2025-07-06\n\nOn Sunday morning at least 67 people were dead and 11 campers were missing.\n'],
      ['b.txt', 'B\nDate: 2025-07-06\n\nOn Sunday afternoon at least 82 people were dead and 11 campers were missing.\n'],
      ['c.txt', 'C\nDate: 2025-07-06\n\nAt least 78 people are dead, officials said on Sunday.\n'],
    ]);
    expect(b.conflicts.map((c) => c.values.map((v) => v.value))).toEqual([[82, 78]]);
    expect(b.figures.filter((f) => f.value === 11).map((f) => f.sources.length)).toEqual([2]);
  });

  it("ranks a disagreement's other values on its lead's line, below figures that lead their own", () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2025-07-08\n\nA total of 109 people have died, the governor said on Tuesday.\n'],
      ['b.txt', 'B\nDate: 2025-07-08\n\nThe death toll reached 111 on Tuesday.\n'],
      ['c.txt', 'C\nDate: 2025-07-08\n\nAt least 41 people are missing, officials said on Tuesday.\n'],
    ]);
    expect(b.conflicts.map((c) => c.values.map((v) => v.value))).toEqual([[109, 111]]);
    expect(b.figures.map((f) => f.value)).toEqual([109, 41, 111]);
  });

  it('leads a disagreement between equally sourced values with the later report', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2025-04-28\n\nAt least five people died in the blackout on Monday.\n'],
      ['b.txt', 'B\nDate: 2025-04-30\n\nAt least four people died in the blackout on Monday.\n'],
    ]);
    expect(b.conflicts.map((c) => c.values.map((v) => v.value).sort())).toEqual([[4, 5]]);
    expect(b.figures.map((f) => f.value)).toEqual([4, 5]);
  });

  it("weighs a measure's earlier values by how stale they are", () => {
    expect([0, 1, 2, 3, 30].map(recencyOf)).toEqual([3, 0, -1, -2, -2]);
  });

  it("keeps the time since the last strike apart from the strike's length, and reads a lower-case word as no name", () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2024-11-05\n\nMachinists ended a 52-day strike on Monday, the first strike in 16 years.\n'],
      ['b.txt', 'B\nDate: 2024-11-05\n\nThe 53-day strike ended on Monday.\n'],
      ['c.txt', 'C\nDate: 2024-11-05\n\nThe deal brings an immediate raise of 13% and raises of 7% later.\n'],
      ['d.txt', 'D\nDate: 2024-11-05\n\nIt was the costliest strike in the country in more than 25 years.\n'],
    ]);
    expect(b.conflicts.map((c) => c.values.map((v) => v.value))).toEqual([[52, 53]]);
    expect(b.figures.filter((f) => f.value === 7).map((f) => f.measureId)).not.toContain(expect.stringContaining('immediate'));
  });

  it("does not take the part of the day of an earlier count a sentence compares with for the article's own", () => {
    const b = setOf([['a.txt', 'A\nDate: 2025-07-06\n\nThe death toll rose to 94 on Sunday, up from 87 reported Sunday morning.\n']]);
    expect(b.figures.filter((f) => f.value === 94).map((f) => f.typed?.period.part)).toEqual([undefined]);
  });

  it("dates a headline's number by its own article's body when the body gives it", () => {
    const b = setOf([['a.txt', 'Four hikers die on the mountain\nDate: 2025-07-09\n\nAt least four hikers died in the storm on Monday, rescuers said.\n']]);
    expect(b.figures.filter((f) => f.value === 4).map((f) => f.period)).toEqual(['July 7, 2025']);
  });

  it('does not take another period for a correction: "3,753 between January and July last year" against "731 in January"', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2025-02-19\n\nPolice counted 731 homicides in January, a record for the month.\n'],
      ['b.txt', 'B\nDate: 2025-08-10\n\nHomicides rose 40%, an increase from 3,753 homicides registered between January and July last year.\n'],
    ]);
    expect(b.conflicts).toEqual([]);
  });

  it('does not set plain counts of different things against each other', () => {
    const b = setOf([
      ['a.txt', 'A\nDate: 2025-07-05\n\nAbout 750 children were at the riverside camp when the water rose.\n'],
      ['b.txt', 'B\nDate: 2025-07-06\n\nIdentification is pending for 22 adults and 10 children, the sheriff said.\n'],
    ]);
    expect(b.conflicts).toEqual([]);
  });

  it('reads a place many headlines name as the story, not a narrower measure', () => {
    const b = setOf([
      ['a.txt', 'Blackout in Spain\nDate: 2025-04-29\n\nAt least four people died in Spain, officials said on Tuesday.\n'],
      ['b.txt', 'Spain counts the cost\nDate: 2025-04-29\n\nAt least five people died, officials said on Tuesday.\n'],
    ]);
    expect(b.conflicts.map((c) => c.values.map((v) => v.value))).toEqual([[4, 5]]);
  });

  it('leads with the measure most sources give and its latest value', () => {
    const b = setOf([
      ['a.txt', 'Toll rises to 43\nDate: 2025-07-05\n\nThe death toll rose to 43 on Saturday. Crews used 14 helicopters.\n'],
      ['b.txt', 'At least 104 dead\nDate: 2025-07-07\n\nAt least 104 people are dead, officials said on Monday. About 750 children were at the camp.\n'],
      ['c.txt', 'Floods\nDate: 2025-07-07\n\nAt least 104 people have been killed, the governor said on Monday.\n'],
    ]);
    expect(b.figures[0]?.value).toBe(104);
  });
});
