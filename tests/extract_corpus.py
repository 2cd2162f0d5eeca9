"""Sentences in news style, and the figures :func:`incursion.extract` should read from them.

Every sentence was written for these tests about an invented conflict (the provinces,
brigades and officials are generic or fictional); none is quoted from an article.  Each
case lists the figures in order of appearance, or nothing when the sentence has none.

Each note starts with the kind of reading the case exercises, then a colon:

``hedge``
    a hedge word before or after the number;
``range``
    a range, or two figures joined by a verb of change ("rose from 31 to 39");
``unit``
    a unit in one of its written forms, bracketed conversions included (a wrong
    conversion is still read as stated);
``noun``
    a counted noun after the number, possibly behind a few adjectives;
``numeral``
    numeral styles, number words and vague quantities ("dozens of");
``plain``
    a sentence with no number at all;
``negative``
    a year, date, time, age, ordinal, percentage, duration, sum of money or identifier,
    alone or beside a true figure.
"""

from __future__ import annotations

from typing import NamedTuple


class Expected(NamedTuple):
    """One figure the extractor should find.

    Attributes:
        value: The stated number; for a range, the midpoint.
        dimension: What the figure measures (``"area"``, ``"person"``, ``"number"``, …).
        hedge: The hedge class (``"exact"``, ``"about"``, ``"between"``, …).
        equivalents: The bracketed conversions, as (number, unit word) pairs.
        low: For a range or a vague quantity, the stated low end.
        high: For a range or a vague quantity, the stated high end.
    """

    value: float
    dimension: str
    hedge: str
    equivalents: tuple[tuple[float, str], ...] = ()
    low: float | None = None
    high: float | None = None


class Case(NamedTuple):
    """A sentence and the figures in it, in order of appearance.

    Attributes:
        sentence: The sentence, as a news report would write it.
        figures: The expected figures; ``()`` when the sentence has none.
        note: The kind of reading (see the module docstring) and what the case exercises.
    """

    sentence: str
    figures: tuple[Expected, ...]
    note: str = ""


#: The kinds a note may start with.
KINDS: tuple[str, ...] = ("hedge", "range", "unit", "noun", "numeral", "plain", "negative")

CASES: tuple[Case, ...] = (
    # -- hedges before the number ---------------------------------------------------------
    Case(
        "Officials said about 1,200 residents had been evacuated from the border district.",
        (Expected(1200, "person", "about"),),
        "hedge: about before a count of residents",
    ),
    Case(
        "Around 300 troops crossed the river before dawn, the governor said.",
        (Expected(300, "person", "about"),),
        "hedge: around, capitalised at the start of the sentence",
    ),
    Case(
        "The army said it had advanced roughly 15 kilometres into the province.",
        (Expected(15, "length", "about"),),
        "hedge: roughly before a length",
    ),
    Case(
        "An estimated 4,500 people remain in the besieged town, aid groups said.",
        (Expected(4500, "person", "about"),),
        "hedge: an estimated",
    ),
    Case(
        "Some 2,500 refugees crossed the border on Monday alone.",
        (Expected(2500, "person", "about"),),
        "hedge: some before a number",
    ),
    Case(
        "Approximately 250 UAVs were downed last week, the air force said.",
        (Expected(250, "drone", "about"),),
        "hedge: approximately, drones written as UAVs",
    ),
    Case(
        "Circa 600 square kilometres of farmland remain contested.",
        (Expected(600, "area", "about"),),
        "hedge: circa before an area",
    ),
    Case(
        "Nearly 90 drones were launched at the capital overnight, the air force said.",
        (Expected(90, "drone", "nearly"),),
        "hedge: nearly",
    ),
    Case(
        "Almost 40 villages have been left without power since the offensive began.",
        (Expected(40, "settlement", "nearly"),),
        "hedge: almost before a count of villages",
    ),
    Case(
        "The ministry said close to 600 homes had been damaged in the shelling.",
        (Expected(600, "building", "nearly"),),
        "hedge: close to",
    ),
    Case(
        "Just under 800 artillery shells were fired at the town on Sunday, the governor said.",
        (Expected(800, "shell", "nearly"),),
        "hedge: just under reads as nearly, not fewer-than",
    ),
    Case(
        "Just shy of 150 hostages are still being held, the negotiators said.",
        (Expected(150, "person", "nearly"),),
        "hedge: just shy of",
    ),
    Case(
        "At least 17 civilians were killed when a missile struck a market in the city.",
        (Expected(17, "person", "at-least"),),
        "hedge: at least; a missile is not a figure",
    ),
    Case(
        "No fewer than 25 tanks were lost in the failed assault, the institute estimated.",
        (Expected(25, "tank", "at-least"),),
        "hedge: no fewer than",
    ),
    Case(
        "A minimum of 35 buildings were destroyed, the city council said.",
        (Expected(35, "building", "at-least"),),
        "hedge: a minimum of",
    ),
    Case(
        "More than 2,000 soldiers have been captured, the defence minister claimed.",
        (Expected(2000, "person", "more-than"),),
        "hedge: more than",
    ),
    Case(
        "Over 150 strikes hit the frontline region in a single day, the governor wrote.",
        (Expected(150, "strike", "more-than"),),
        "hedge: over before a count of strikes",
    ),
    Case(
        "Upwards of 70 missiles were fired during the barrage, according to the air force.",
        (Expected(70, "missile", "more-than"),),
        "hedge: upwards of",
    ),
    Case(
        "In excess of 3,000 tonnes of aid has been delivered through the corridor.",
        (Expected(3000, "mass", "more-than"),),
        "hedge: in excess of before a mass",
    ),
    Case(
        "Well over 1,000 detainees have been moved to camps further east.",
        (Expected(1000, "person", "more-than"),),
        "hedge: well over",
    ),
    Case(
        "The bridgehead is just over 6 km deep, the general told reporters.",
        (Expected(6, "length", "more-than"),),
        "hedge: just over reads as more-than",
    ),
    Case(
        "The new rockets can hit depots above 70 km behind the line, the think tank said.",
        (Expected(70, "length", "more-than"),),
        "hedge: above before a length",
    ),
    Case(
        "Up to 500 fighters may be trapped in the encircled pocket, a spokesman said.",
        (Expected(500, "person", "up-to"),),
        "hedge: up to",
    ),
    Case(
        "As many as 12 ships were damaged in the port, satellite images suggest.",
        (Expected(12, "ship", "up-to"),),
        "hedge: as many as",
    ),
    Case(
        "At most 20 helicopters remain in service, the think tank estimated.",
        (Expected(20, "helicopter", "up-to"),),
        "hedge: at most before a count of helicopters",
    ),
    Case(
        "No more than 40 howitzers were delivered, the procurement office said.",
        (Expected(40, "artillery", "up-to"),),
        "hedge: no more than",
    ),
    Case(
        "Fewer than 200 residents stayed behind in the frontline town, officials said.",
        (Expected(200, "person", "fewer-than"),),
        "hedge: fewer than",
    ),
    Case(
        "Less than 10 kilometres now separates the advancing units from the city.",
        (Expected(10, "length", "fewer-than"),),
        "hedge: less than before a length",
    ),
    Case(
        "Under 300 residents remain in the village, the mayor said.",
        (Expected(300, "person", "fewer-than"),),
        "hedge: under before a count, not an age",
    ),
    # -- hedges after the number ----------------------------------------------------------
    Case(
        "Rescuers have pulled 60 or so people from the rubble of the apartment block.",
        (Expected(60, "person", "about"),),
        "hedge: or so after the number",
    ),
    Case(
        "The brigade lost 300-odd vehicles during the winter campaign.",
        (Expected(300, "vehicle", "about"),),
        "hedge: -odd after the number",
    ),
    Case(
        "Air defences faced 50 or more drones over the port, the navy said.",
        (Expected(50, "drone", "at-least"),),
        "hedge: or more after the number",
    ),
    Case(
        "The militia has 400-plus fighters in the district, the report said.",
        (Expected(400, "person", "more-than"),),
        "hedge: -plus after the number",
    ),
    Case(
        "The enemy fired 1,000+ shells at the bridgehead, the commander said.",
        (Expected(1000, "shell", "more-than"),),
        "hedge: + after the number",
    ),
    Case(
        "Patrols turned back 12 or fewer vessels during the blockade, the coastguard said.",
        (Expected(12, "ship", "up-to"),),
        "hedge: or fewer after the number",
    ),
    Case(
        "The enemy holds 5 km or less of the riverbank, the general said.",
        (Expected(5, "length", "up-to"),),
        "hedge: or less after the unit",
    ),
    # -- ranges and verbs of change -------------------------------------------------------
    Case(
        "Between 900 and 1,300 soldiers are believed to have died in the battle for the city.",
        (Expected(1100, "person", "between", low=900, high=1300),),
        "range: between X and Y",
    ),
    Case(
        "The ministry estimated that 5,700-5,900 residents had fled the district.",
        (Expected(5800, "person", "between", low=5700, high=5900),),
        "range: hyphen between the ends",
    ),
    Case(
        "Observers counted 5,700–5,900 shells fired along the front.",
        (Expected(5800, "shell", "between", low=5700, high=5900),),
        "range: en dash between the ends",
    ),
    Case(
        "Commanders said 200 to 300 people were sheltering in the basement of the theatre.",
        (Expected(250, "person", "between", low=200, high=300),),
        "range: X to Y people",
    ),
    Case(
        "Aid agencies said 1.5 to 2 million people could be displaced by the fighting.",
        (Expected(1_750_000, "person", "between", low=1_500_000, high=2_000_000),),
        "range: the scale word applies to both ends",
    ),
    Case(
        "About 200-300 troops were sent to reinforce the garrison.",
        (Expected(250, "person", "between", low=200, high=300),),
        "range: about before a range stays between",
    ),
    Case(
        "The navy said 8-10 drones were intercepted over the bay.",
        (Expected(9, "drone", "between", low=8, high=10),),
        "range: small numbers with a hyphen",
    ),
    Case(
        "The death toll from the strike rose from 31 to 39 on Wednesday.",
        (Expected(31, "person", "exact"), Expected(39, "person", "exact")),
        "range: rose from X to Y is two exact figures; a death toll counts people",
    ),
    Case(
        "The tally of registered evacuees fell from 8,200 to 7,900 over the weekend.",
        (Expected(8200, "person", "exact"), Expected(7900, "person", "exact")),
        "range: fell from X to Y is two exact figures; the tally of evacuees counts them",
    ),
    Case(
        "The count of shelters in the city has increased from 120 to 180, the mayor said.",
        (Expected(120, "building", "exact"), Expected(180, "building", "exact")),
        "range: increased from X to Y is two exact figures; the count of shelters counts them",
    ),
    # -- units ----------------------------------------------------------------------------
    Case(
        "The army claimed to control 1,000sq km of the region.",
        (Expected(1000, "area", "exact"),),
        "unit: sq km written against the number",
    ),
    Case(
        "Troops have seized 386 sq miles of territory since the incursion began.",
        (Expected(386, "area", "exact"),),
        "unit: sq miles",
    ),
    Case(
        "The general said his forces held 1,000 square kilometres of enemy land.",
        (Expected(1000, "area", "exact"),),
        "unit: square kilometres in full",
    ),
    Case(
        "The buffer zone covers about 450 km2 along the border.",
        (Expected(450, "area", "about"),),
        "unit: km2",
    ),
    Case(
        "Analysts estimate that 1,250 km² changed hands during the month.",
        (Expected(1250, "area", "exact"),),
        "unit: km²",
    ),
    Case(
        "The army said 1,000 km² (386 sq mi) had been retaken in the counteroffensive.",
        (Expected(1000, "area", "exact", ((386, "sq mi"),)),),
        "unit: area with a correct bracketed conversion",
    ),
    Case(
        "The ministry said 1,000 sq km (250 sq miles) had been retaken.",
        (Expected(1000, "area", "exact", ((250, "sq miles"),)),),
        "unit: area with a wrong bracketed conversion, read as stated",
    ),
    Case(
        "Fires burned across roughly 2,000 hectares of farmland near the front.",
        (Expected(2000, "area", "about"),),
        "unit: hectares",
    ),
    Case(
        "More than 5,000 acres of forest were mined by the retreating forces.",
        (Expected(5000, "area", "more-than"),),
        "unit: acres",
    ),
    Case(
        "The column advanced 12 kilometres (7.5 miles) in a day, officials said.",
        (Expected(12, "length", "exact", ((7.5, "miles"),)),),
        "unit: kilometres with a decimal conversion in miles",
    ),
    Case(
        "Troops are dug in along a 40-kilometre (25-mile) front, the governor said.",
        (Expected(40, "length", "exact", ((25, "miles"),)),),
        "unit: adjectival length with an adjectival conversion",
    ),
    Case(
        "Soldiers cleared mines along a 12-mile (19-km) stretch of the highway.",
        (Expected(12, "length", "exact", ((19, "km"),)),),
        "unit: adjectival miles converted to km",
    ),
    Case(
        "The incursion reached 30 kilometres (12 miles) inside the border.",
        (Expected(30, "length", "exact", ((12, "miles"),)),),
        "unit: length with a wrong conversion, read as stated",
    ),
    Case(
        "The front line moved 10 to 15 kilometres (6 to 9 miles) in a week.",
        (Expected(12.5, "length", "between", ((6, "miles"), (9, "miles")), 10, 15),),
        "unit: range with a bracketed range, two equivalents",
    ),
    Case(
        "The crater left by the bomb was 15 metres (49 feet) across.",
        (Expected(15, "length", "exact", ((49, "feet"),)),),
        "unit: metres converted to feet",
    ),
    Case(
        "The convoy stopped 800 metres short of the checkpoint.",
        (Expected(800, "length", "exact"),),
        "unit: metres",
    ),
    Case(
        "Witnesses said the helicopter flew at 200 feet above the river.",
        (Expected(200, "length", "exact"),),
        "unit: feet",
    ),
    Case(
        "The frigate was sunk about 60 nautical miles (111 km) off the coast.",
        (Expected(60, "length", "about", ((111, "km"),)),),
        "unit: nautical miles with a conversion",
    ),
    Case(
        "The drone carried a 53-kilogram (117-pound) warhead, investigators found.",
        (Expected(53, "mass", "exact", ((117, "pounds"),)),),
        "unit: adjectival mass with an adjectival conversion",
    ),
    Case(
        "Each bomb weighs roughly 500 pounds (227 kg), the air force said.",
        (Expected(500, "mass", "about", ((227, "kg"),)),),
        "unit: pounds converted to kg",
    ),
    Case(
        "Investigators recovered 3 tonnes (3,000 pounds) of explosives from the warehouse.",
        (Expected(3, "mass", "exact", ((3000, "pounds"),)),),
        "unit: tonnes with a wrong conversion, read as stated",
    ),
    Case(
        "The drone flies at about 185 km/h (115 mph), the manufacturer says.",
        (Expected(185, "speed", "about", ((115, "mph"),)),),
        "unit: speed in km/h with a conversion in mph",
    ),
    Case(
        "The missile travels at 900 kilometres per hour before its final dive.",
        (Expected(900, "speed", "exact"),),
        "unit: kilometres per hour",
    ),
    # -- counted nouns, with adjectives and 'others' / 'more' -----------------------------
    Case(
        "The governor said 28 Korvatian settlements were under the control of enemy troops.",
        (Expected(28, "settlement", "exact"),),
        "noun: a national adjective before settlements",
    ),
    Case(
        "The military reported 2,000 cross-border strikes since the start of the year.",
        (Expected(2000, "strike", "exact"),),
        "noun: a hyphenated adjective before strikes",
    ),
    Case(
        "The think tank counted 58 tanks destroyed in the offensive.",
        (Expected(58, "tank", "exact"),),
        "noun: tanks",
    ),
    Case(
        "Medics said 10 children were among the wounded.",
        (Expected(10, "person", "exact"),),
        "noun: children; the wounded has no number",
    ),
    Case(
        "12 civilians were killed and 121 others wounded in the attack on the station.",
        (Expected(12, "person", "exact"), Expected(121, "person", "exact")),
        "noun: others counts the same thing as the figure before it",
    ),
    Case(
        "Air defences shot down 40 drones overnight and 30 more at dawn, the air force said.",
        (Expected(40, "drone", "exact"), Expected(30, "drone", "exact")),
        "noun: more counts the same thing as the figure before it",
    ),
    Case(
        "The strike destroyed 17 heavily armoured vehicles parked at the depot.",
        (Expected(17, "armoured_vehicle", "exact"),),
        "noun: an adverb before armoured vehicles",
    ),
    Case(
        "The navy lost three large landing ships in the raid.",
        (Expected(3, "ship", "exact"),),
        "noun: a number word and two adjectives before ships",
    ),
    Case(
        "Six long-range cruise missiles hit the airbase on Friday.",
        (Expected(6, "missile", "exact"),),
        "noun: a capitalised number word and two adjectives before missiles",
    ),
    Case(
        "Engineers demolished 45 damaged residential buildings in the old quarter.",
        (Expected(45, "building", "exact"),),
        "noun: two adjectives before buildings",
    ),
    Case(
        "Partisans said they had destroyed 9 enemy artillery pieces near the railway.",
        (Expected(9, "artillery", "exact"),),
        "noun: artillery pieces behind an adjective",
    ),
    Case(
        "The army received 24 self-propelled howitzers from its allies.",
        (Expected(24, "artillery", "exact"),),
        "noun: howitzers",
    ),
    Case(
        "About 7,000 displaced elderly residents are living in temporary shelters.",
        (Expected(7000, "person", "about"),),
        "noun: two adjectives before residents",
    ),
    Case(
        "Aid convoys reached 11 remote mountain hamlets cut off by the fighting.",
        (Expected(11, "settlement", "exact"),),
        "noun: hamlets behind two modifiers",
    ),
    Case(
        "The general staff said 31 localities came under fire on Thursday.",
        (Expected(31, "settlement", "exact"),),
        "noun: localities",
    ),
    Case(
        "The group is holding 19 foreign hostages, a mediator said.",
        (Expected(19, "person", "exact"),),
        "noun: hostages",
    ),
    Case(
        "The shelling left 8 killed and 23 injured in the market district.",
        (Expected(8, "person", "exact"), Expected(23, "person", "exact")),
        "noun: killed and injured as counted nouns",
    ),
    Case(
        "The regional health office recorded 212 deaths in the province.",
        (Expected(212, "person", "exact"),),
        "noun: deaths",
    ),
    Case(
        "The brigade suffered roughly 400 casualties while holding the bridge.",
        (Expected(400, "person", "about"),),
        "noun: casualties",
    ),
    Case(
        "Partisans claimed 60 raids on supply depots behind the line.",
        (Expected(60, "strike", "exact"),),
        "noun: raids",
    ),
    Case(
        "Border guards stopped 4 fishing boats heading for the occupied coast.",
        (Expected(4, "ship", "exact"),),
        "noun: an adjective before boats",
    ),
    Case(
        "12 civilians (including three children) were killed, the governor said.",
        (Expected(12, "person", "exact"), Expected(3, "person", "exact")),
        "noun: a bracket that is no conversion holds a figure of its own",
    ),
    Case(
        "The ministry said 120 bridges had been damaged across the region.",
        (Expected(120, "bridge", "exact"),),
        "noun: a plural noun outside the table counts its own kind",
    ),
    # -- numeral styles, number words and vague quantities -------------------------------
    Case(
        "The census found 20 842 residents still living in the city.",
        (Expected(20842, "person", "exact"),),
        "numeral: a space as thousands separator",
    ),
    Case(
        "Some 1.2 million people have fled the eastern provinces, the refugee agency said.",
        (Expected(1_200_000, "person", "about"),),
        "numeral: a decimal with a scale word",
    ),
    Case(
        "Authorities said 300,000 residents lacked heating after the attacks on power plants.",
        (Expected(300_000, "person", "exact"),),
        "numeral: commas as thousands separators",
    ),
    Case(
        "Twelve soldiers were captured near the bridge, the brigade said.",
        (Expected(12, "person", "exact"),),
        "numeral: a number word before a counted noun",
    ),
    Case(
        "Forty-two servicemen were exchanged at the border crossing.",
        (Expected(42, "person", "exact"),),
        "numeral: a hyphenated number word",
    ),
    Case(
        "A dozen drones were shot down over the city, the mayor said.",
        (Expected(12, "drone", "exact"),),
        "numeral: a dozen",
    ),
    Case(
        "One of the officials said three villages had been shelled overnight.",
        (Expected(3, "settlement", "exact"),),
        "numeral: one of the officials is no figure; three villages is",
    ),
    Case(
        "Troops pulled back three kilometres from the river, the general said.",
        (Expected(3, "length", "exact"),),
        "numeral: a number word before a length unit",
    ),
    Case(
        "Dozens of civilians were wounded in the shelling of the market.",
        (Expected(61.5, "person", "between", low=24, high=99),),
        "numeral: dozens of",
    ),
    Case(
        "Hundreds of houses were left without water after the dam was hit.",
        (Expected(599.5, "building", "between", low=200, high=999),),
        "numeral: hundreds of",
    ),
    Case(
        "Thousands of troops have massed along the border, satellite images show.",
        (Expected(5999.5, "person", "between", low=2000, high=9999),),
        "numeral: thousands of",
    ),
    Case(
        "Tens of thousands of residents were ordered to leave the coastal towns.",
        (Expected(59_999.5, "person", "between", low=20_000, high=99_999),),
        "numeral: tens of thousands of",
    ),
    Case(
        "Hundreds of thousands of refugees have crossed into neighbouring countries.",
        (Expected(599_999.5, "person", "between", low=200_000, high=999_999),),
        "numeral: hundreds of thousands of",
    ),
    Case(
        "Millions of people are without electricity after the latest wave of attacks.",
        (Expected(5_999_999.5, "person", "between", low=2_000_000, high=9_999_999),),
        "numeral: millions of",
    ),
    Case(
        "The death toll rose to 39, the health ministry said.",
        (Expected(39, "person", "exact"),),
        "numeral: a death toll counts people",
    ),
    Case(
        "Officials put the total at 1,482 after the last bodies were recovered.",
        (Expected(1482, "number", "exact"),),
        "numeral: a bare number with no unit",
    ),
    # -- sentences with no number ---------------------------------------------------------
    Case(
        "The governor said the situation in the border districts remained tense.",
        (),
        "plain: no number at all",
    ),
    Case(
        # Real news text counts "several attacks", "a few civilians" as figures: read so.
        "Several drones were shot down over the capital, but officials gave no figure.",
        (Expected(6, "drone", "between", low=3, high=9),),
        "numeral: several is three to nine",
    ),
    # -- negatives, alone -----------------------------------------------------------------
    Case(
        "The offensive began in 2024, two years after the 2022 invasion.",
        (),
        "negative: years and a duration",
    ),
    Case(
        "The attack took place on 12 August at 3pm local time.",
        (),
        "negative: a date and a time",
    ),
    Case(
        "Fighting resumed on August 6 after a lull that had lasted since 2014.",
        (),
        "negative: a month-first date and a year",
    ),
    Case(
        "A 45-year-old man was detained at the checkpoint, police said.",
        (),
        "negative: an age before a counted noun",
    ),
    Case(
        "Men aged 18 to 60 are barred from leaving the country.",
        (),
        "negative: an age range is not a range of people",
    ),
    Case(
        "Children under 18 were allowed to leave the city with their mothers.",
        (),
        "negative: under 18 after children is an age",
    ),
    Case(
        "A boy aged 12 was among those hurt in the blast.",
        (),
        "negative: aged 12",
    ),
    Case(
        "The 47th Brigade was the first unit to reach the river.",
        (),
        "negative: ordinals",
    ),
    Case(
        "Veterans of the 2nd Battalion said they still used equipment from the 1990s.",
        (),
        "negative: an ordinal and a decade",
    ),
    Case(
        "The allies pledged $61bn in military aid and £5 million for reconstruction.",
        (),
        "negative: sums of money",
    ),
    Case(
        "The treasury said 5 million dollars had been set aside for repairs.",
        (),
        "negative: a sum of money with the currency written after",
    ),
    Case(
        "Pilots are training on F-16 jets while the army fields T-72 and S-400 systems.",
        (),
        "negative: model numbers before counted nouns",
    ),
    Case(
        "Diplomats cited Article 5 and Resolution 2231 during the session.",
        (),
        "negative: article and resolution numbers",
    ),
    Case(
        "Relatives of the MH17 victims marked the anniversary in silence.",
        (),
        "negative: a flight number before victims",
    ),
    Case(
        "Prices rose 15% in the border region and unemployment climbed 15 per cent.",
        (),
        "negative: percentages after verbs of change",
    ),
    Case(
        "The siege lasted 12 days, and for three weeks no convoy got through.",
        (),
        "negative: durations in digits and in words",
    ),
    Case(
        "The order, dated 12/08/2024, took effect at 10:30 on Monday.",
        (),
        "negative: a numeric date and a clock time",
    ),
    # -- negatives beside a true figure ---------------------------------------------------
    Case(
        "On 12 August, at least 14 civilians were killed in the city, the governor said.",
        (Expected(14, "person", "at-least"),),
        "negative: a date before a hedged count",
    ),
    Case(
        "A 45-year-old woman and 3 children were injured when a drone hit their home.",
        (Expected(3, "person", "exact"),),
        "negative: an age beside a count",
    ),
    Case(
        "In the past 24 hours, enemy forces carried out 93 shellings of the region.",
        (Expected(93, "strike", "exact"),),
        "negative: a duration beside a count of shellings",
    ),
    Case(
        "Since 2014, more than 14,000 people have died in the conflict.",
        (Expected(14_000, "person", "more-than"),),
        "negative: a year beside a hedged count",
    ),
    Case(
        "The 2022 invasion displaced about 8 million people, according to the UN.",
        (Expected(8_000_000, "person", "about"),),
        "negative: an adjectival year beside a count",
    ),
    Case(
        "At 0400 GMT on 2024-08-12, the navy said 5 vessels had been seized.",
        (Expected(5, "ship", "exact"),),
        "negative: a time and an ISO date beside a count",
    ),
    Case(
        "About 15% of the province, or roughly 4,000 sq km, is now occupied.",
        (Expected(4000, "area", "about"),),
        "negative: a percentage beside an area",
    ),
    Case(
        "A $5 million fund will rebuild 120 homes destroyed in the fighting.",
        (Expected(120, "building", "exact"),),
        "negative: a sum of money beside a count",
    ),
    Case(
        "Among the 37 dead was a 9-year-old girl, the governor said.",
        (Expected(37, "person", "exact"),),
        "negative: an age after a count of the dead",
    ),
    Case(
        "During the night of 6-7 August, air defences destroyed 27 drones.",
        (Expected(27, "drone", "exact"),),
        "negative: a date range is not a range",
    ),
    Case(
        "The 47th Brigade said it had captured 63 prisoners near the river.",
        (Expected(63, "person", "exact"),),
        "negative: an ordinal beside a count",
    ),
    Case(
        "Satellite images show 14 T-72 tanks abandoned near the bridge.",
        (Expected(14, "tank", "exact"),),
        "negative: a model number between a count and its noun",
    ),
    Case(
        "The air force received six F-16 jets from its allies this year.",
        (Expected(6, "aircraft", "exact"),),
        "negative: a model number after a number word",
    ),
    Case(
        "Two Su-34 bombers were shot down over the border region.",
        (Expected(2, "aircraft", "exact"),),
        "negative: a model number after a capitalised number word",
    ),
    Case(
        "At 3pm an air raid alert sounded and 11 missiles were fired at the city.",
        (Expected(11, "missile", "exact"),),
        "negative: a time beside a count",
    ),
)
