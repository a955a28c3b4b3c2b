#!/usr/bin/env python3
"""Write a synthetic sitrep project for benchmarking.

    bench/generate.py --series S --periods P --out DIR [--seed N]

writes DIR/sitrep.yml and DIR/content/<series>/... with S series of P consecutive monthly
periods each (N = S x P reports). The output depends only on the arguments: the same arguments
give byte-identical files (every random choice comes from random.Random seeded with a string,
which Python hashes deterministically, and nothing reads the clock or the environment).

Each series has a series.yml declaring four tables:

    arrivals.csv       nationality,count                  reported: cumulative (since the onset)
    assessments.csv    region,count                       per period
    distributions.csv  item,region,beneficiaries          per period (value column declared)
    avrr.csv           country,sex,age,count              reported: cumulative, since: year

The onset is the first day of the first period's month, so every cumulative and per-period view
(`.period`, `.cumulative`) is available from the first report, and `.previous` / `.change` from
the second. Cumulative tables never go down within their count (arrivals over the whole series,
AVRR within each calendar year; AVRR starts again every January), so no correction is needed.

Each period has a report.md of about 1,500 words of humanitarian-report prose built from seeded
sentence templates, with about 50 placeholders naming real figures of its tables and
figures.yml, two sitrep-table blocks, and key figures in the front matter; the four CSVs; and a
figures.yml of stated figures. Standard library only.
"""

import argparse
import os
import random
import re
import sys

# ---------------------------------------------------------------------------------------------
# Vocabulary. Names never contain dots (a figure name cannot address them) and never look like
# derived figure names (count, list, share, total, rank, topN, other, previous, ...).

HOSTS = [
    "Moldova", "Poland", "Romania", "Slovakia", "Hungary", "Chad", "Niger", "Libya", "Yemen",
    "Ethiopia", "Bangladesh", "Colombia", "Peru", "Ecuador", "Sudan", "South Sudan", "Somalia",
    "Kenya", "Uganda", "Lebanon", "Jordan", "Türkiye", "Afghanistan", "Pakistan", "Mozambique",
    "Haiti", "Myanmar", "Djibouti", "Mali", "Burkina Faso", "Cameroon", "Nigeria", "Iraq",
    "Syria", "Armenia", "Georgia", "Tunisia", "Egypt", "Guatemala", "Honduras",
]

CRISES = [
    "response to the war in Ukraine", "regional refugee and migrant response",
    "flood emergency response", "drought and displacement response", "conflict displacement response",
    "earthquake response", "mixed migration response", "cyclone recovery response",
    "returns and reintegration programme", "border emergency response",
]

NATIONALITIES = [
    "Ukraine", "Syrian Arab Republic", "Afghanistan", "Iraq", "Eritrea", "Sudan", "South Sudan",
    "Somalia", "Yemen", "Venezuela", "Colombia", "Haiti", "Myanmar", "Bangladesh", "Nigeria",
    "Mali", "Guinea", "Ethiopia", "Pakistan", "Iran", "Türkiye", "Georgia", "Armenia", "Egypt",
    "Morocco", "Tunisia", "Cameroon", "Côte d'Ivoire", "Senegal", "Third countries",
]

AVRR_COUNTRIES = [
    "Iraq", "Cuba", "Sri Lanka", "Syrian Arab Republic", "Afghanistan", "Nigeria", "Cameroon",
    "Egypt", "Iran", "Yemen", "Lebanon", "Algeria", "Morocco", "Tajikistan", "Uzbekistan",
    "Kyrgyzstan", "India", "Pakistan", "Bangladesh", "Nepal", "Viet Nam", "Ghana", "Guinea",
    "Senegal", "Côte d'Ivoire", "Congo, Republic of", "Democratic Republic of the Congo",
    "Ethiopia", "Eritrea", "Somalia", "Sudan", "Libya", "Tunisia", "Jordan", "Palestine",
]

REGIONS = [
    "Capital", "Northern", "Southern", "Eastern", "Western", "Central", "Coastal", "Highlands",
    "Lakes", "Upper Valley", "Lower Valley", "Delta", "Border", "Plateau", "Riverside",
    "North-East", "South-West", "Mountain", "Savannah", "Islands",
]

ITEMS = [
    "Food kit", "Hygiene kit", "Dignity kit", "Blanket", "Cash-based assistance", "Transport",
    "Medication voucher", "Psychosocial support", "Shelter kit", "Winterization kit",
    "Water container", "Legal counselling", "Clothes", "Mattress", "Kitchen set",
]

PARTNERS = [
    "the Red Cross Society", "the Ministry of Interior", "the Ministry of Labour and Social Protection",
    "UNHCR", "UNICEF", "WFP", "the Women's Business Club", "the Association of Medical Workers",
    "local authorities", "the Border Guard Service", "the State Migration Service",
    "Caritas", "the Norwegian Refugee Council", "Médecins du Monde", "the Danish Refugee Council",
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# Filler prose: sentences without figures. `{region}`, `{partner}`, `{host}`, `{item}`,
# `{month}`, `{nat}` are filled from the series' own vocabulary.
FILLER = [
    "Conflict-affected persons are located across the country and are mostly accommodated in private housing, collective centres and rented flats.",
    "There is, however, a lack of reliable information on the number of refugees and migrants currently staying in {host}, as well as on their location and intentions.",
    "IOM continues to pilot Displacement Tracking Matrix activities, which will prove essential in monitoring the flow of people and in ensuring an effective and targeted humanitarian and protection response.",
    "Due to refugees and migrants being located in different areas throughout the country, IOM adopts an individual case-by-case approach in its response, particularly through referral mechanisms.",
    "To ensure that potential beneficiaries have access to information about humanitarian and protection assistance, IOM has contacted its partners across the country and shared information on the assistance available.",
    "When potential beneficiaries learn about the available assistance, they contact IOM by email or phone, or by approaching the IOM office in the capital or its project site in {region} region.",
    "The field staff are identifying the humanitarian needs of refugees and migrants and providing the required assistance, including the delivery of food and non-food items.",
    "In addition, staff conduct vulnerability screenings to ensure that people with specific needs receive further protection assistance.",
    "Based on the assessments, the major needs remain food, hygiene items, footwear, clothes and medicines, followed by accommodation and access to employment.",
    "All beneficiaries approaching IOM are provided with consultations on the best medical solutions for them and are referred to other institutions if needed.",
    "IOM continues to offer psychosocial and psychological support to displaced persons, with consultations provided by a social worker and a psychologist at the project site.",
    "An agreement with the regional hospital in {region} region was concluded to ensure the referral of refugees and migrants with serious medical conditions.",
    "There are still stranded migrants in {host} who approach IOM for assistance, including support for voluntary return to their countries of origin.",
    "People who have registered for assisted voluntary return and are awaiting departure are accommodated in a hotel or hostel and are provided with three meals a day.",
    "The voluntary return of unaccompanied minors is preceded by a best interests assessment and by family tracing, conducted in cooperation with IOM in the country of return.",
    "The main challenge in responding to the humanitarian situation remains the lack of data on movements, intentions and needs.",
    "The questionnaire used to track movement, intentions and needs has been developed with inputs from all relevant stakeholders, including {partner}.",
    "During the trainings, the enumerators were introduced to the questionnaire and to the different scenarios of the survey in the data collection system.",
    "IOM, in coordination with {partner}, continues to provide information to migrants and refugees on counter-trafficking and safe migration through its hotline.",
    "Topics of consultations provided by the hotline also include employment, movement restrictions, education abroad and family reunification, among other areas.",
    "IOM has been sensitizing key stakeholders on the trafficking risks faced by unaccompanied migrant children and advocating for legislative revisions.",
    "A regional multidisciplinary meeting on counter-trafficking was held in {region} region in {month}, bringing together government, civil society and United Nations partners.",
    "The humanitarian response continues to be coordinated with {partner} through the inter-agency coordination platform chaired by the Resident Coordinator.",
    "Humanitarian access to the {region} region remained constrained during the reporting period because of insecurity and damaged roads.",
    "Prices of basic commodities continued to rise in {month}, further reducing the purchasing power of displaced households.",
    "Partners report that many displaced families have exhausted their savings and increasingly rely on negative coping strategies.",
    "IOM mobile teams visited collective centres in {region} region to identify people with specific needs and to distribute {item} packages.",
    "Women and girls continue to face heightened risks of gender-based violence, particularly in overcrowded collective shelters.",
    "Safe spaces for women and girls were set up at two collective centres in cooperation with {partner}.",
    "The onset of the cold season increases the need for winterization support, heating fuel and insulated shelter.",
    "Local authorities in {region} region requested additional support for the rehabilitation of water and sanitation facilities in reception centres.",
    "Funding remains a concern: without additional contributions, several assistance activities may have to be scaled down in the coming months.",
    "The mission thanks its donors for their continued support and flexible funding, which allowed a rapid scale-up of the response.",
    "Referral pathways were strengthened through joint trainings for frontline workers on protection principles and safe referrals.",
    "Many of the people arriving from {nat} report having travelled for several days and arrive exhausted and in need of immediate assistance.",
    "Information materials in several languages were updated to reflect recent changes in the legal framework for temporary protection.",
    "IOM continued to support the authorities in strengthening border management procedures in line with international standards.",
    "Monitoring visits confirmed that assistance reached the intended beneficiaries and that distribution sites were accessible to persons with disabilities.",
    "Community feedback mechanisms, including a toll-free hotline and suggestion boxes, received comments that are being used to adjust the response.",
    "The reporting period saw heavy rainfall in the {region} region, which damaged several informal settlements hosting displaced families.",
    "IOM staff also supported the authorities in the registration of new arrivals at the main reception centre.",
    "Interpretation services were made available at the reception centres so that new arrivals can access information in their own language.",
    "Cooperation with {partner} made it possible to extend mental health and psychosocial support to remote communities.",
    "Demand for legal counselling remained high, in particular on residence permits, access to employment and recognition of documents.",
    "Livelihood activities, including vocational training and micro-business courses, are being expanded to help people become self-reliant.",
]

HEADINGS = [
    "Situation overview", "Arrivals", "Needs assessments", "Assistance provided",
    "Protection", "Assisted voluntary return and reintegration", "Displacement tracking",
    "Hotline and communication with communities", "Coordination and partnerships", "Challenges and funding",
]


class Series:
    """One series' vocabulary, dates and data, generated period by period."""

    def __init__(self, index, seed, periods):
        self.rng = random.Random(f"sitrep-bench:{seed}:series:{index}")
        rng = self.rng
        self.index = index
        self.host = rng.choice(HOSTS)
        self.slug = re.sub(r"[^a-z0-9]+", "-", self.host.lower().replace("ü", "u")).strip("-") + f"-{index + 1:04d}"
        self.crisis = rng.choice(CRISES)
        self.title = f"{self.host} — {self.crisis}"
        self.office = f"IOM {self.host}"
        self.start_year = rng.randint(2018, 2022)
        self.start_month = rng.randint(1, 12)
        self.periods = periods
        self.nationalities = rng.sample(NATIONALITIES, rng.randint(7, 12))
        self.regions = rng.sample(REGIONS, rng.randint(6, 9))
        self.items = rng.sample(ITEMS, rng.randint(6, 9))
        self.dist_regions = self.regions[: rng.randint(3, 5)]
        self.avrr_countries = rng.sample(AVRR_COUNTRIES, rng.randint(14, 24))
        self.partners = rng.sample(PARTNERS, 6)
        # Arrivals: a dominant nationality, then a long tail; monthly inflow per nationality.
        weights = sorted((rng.uniform(0.2, 1.0) for _ in self.nationalities), reverse=True)
        weights[0] *= rng.uniform(4, 15)
        self.arrival_rate = [int(w * rng.randint(150, 900)) + 1 for w in weights]
        self.avrr_rate = [rng.uniform(0.5, 6) for _ in self.avrr_countries]
        self.arrivals = [0] * len(self.nationalities)
        self.avrr = {}
        self.avrr_year = None

    def month(self, p):
        """(year, month) of period p (0-based)."""
        m = self.start_month - 1 + p
        return self.start_year + m // 12, m % 12 + 1

    def onset(self):
        return f"{self.start_year:04d}-{self.start_month:02d}-01"

    def period_data(self, p):
        """The four tables of period p, as lists of rows (dimension values..., value)."""
        rng = random.Random(f"{self.rng.random()}:{p}")
        year, month = self.month(p)
        # arrivals: cumulative since the onset, every row non-decreasing.
        for i, rate in enumerate(self.arrival_rate):
            self.arrivals[i] += max(1, int(rate * rng.uniform(0.5, 1.5)))
        arrivals = [(n, v) for n, v in zip(self.nationalities, self.arrivals)]
        # assessments: per period, by region.
        assessments = [(r, rng.randint(3, 400)) for r in self.regions]
        # distributions: per period, by item and region.
        distributions = [(item, r, rng.randint(1, 250)) for item in self.items for r in self.dist_regions]
        # avrr: year to date; starts again every January (and at the series' first period).
        if self.avrr_year != year:
            self.avrr_year = year
            self.avrr = {}
        avrr = []
        for c, rate in zip(self.avrr_countries, self.avrr_rate):
            for sex in ("male", "female"):
                for age in ("adult", "child"):
                    factor = (1.0 if sex == "male" else 0.6) * (1.0 if age == "adult" else 0.4)
                    key = (c, sex, age)
                    step = int(rate * factor * rng.uniform(0, 2))
                    self.avrr[key] = max(1, self.avrr.get(key, 0) + step)
                    avrr.append((c, sex, age, self.avrr[key]))
        return {
            "arrivals": arrivals, "assessments": assessments,
            "distributions": distributions, "avrr": avrr,
        }


def csv_field(text):
    if any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_csv(path, header, rows):
    lines = [",".join(header)]
    for row in rows:
        lines.append(",".join(csv_field(str(x)) for x in row))
    write(path, "\n".join(lines) + "\n")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def yaml_quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ranked(rows, value_index=-1, key_index=0):
    """Names of the first dimension, largest total first, ties in file order (as sitrep ranks)."""
    totals = {}
    for row in rows:
        totals[row[key_index]] = totals.get(row[key_index], 0) + row[value_index]
    order = list(totals)
    return sorted(order, key=lambda k: (-totals[k], order.index(k)))


# ---------------------------------------------------------------------------------------------
# Sentences with placeholders. Each returns (text, number of placeholders). A placeholder never
# starts a sentence, so no "sentence starts with digits" warning is printed.

def figure_sentences(s, data, p, rng):
    """Candidate sentences with placeholders for period p, grouped by section."""
    nat = ranked(data["arrivals"])
    reg = ranked(data["assessments"])
    items = ranked(data["distributions"])
    avrr = ranked(data["avrr"])
    first_nat, second_nat = nat[0], nat[1]
    some_region = rng.choice(s.regions)
    item_a, item_b = rng.sample(s.items, 2)
    dreg = rng.choice(s.dist_regions)
    country_a, country_b = avrr[0], avrr[1]
    later = p > 0
    # (section, text) — the text uses real figure names.
    out = []
    add = lambda section, text: out.append((section, text))

    add(0, "Since {{ series.onset | date }}, a total of {{ arrivals.total }} people have entered the country, as reported by the national border authorities.")
    add(0, f"Nationals of {first_nat} account for {{{{ arrivals.nationality.{first_nat}.share | percent }}}} of all arrivals since the onset, followed by nationals of {second_nat} ({{{{ arrivals.nationality.{second_nat}.share | percent }}}}).")
    add(0, "As of {{ period.as_of | date: short }}, arrivals have been recorded from {{ arrivals.nationality.count }} countries of origin, the largest groups being from {{ arrivals.nationality.top3 | list }}.")
    add(0, "In the reporting period, {{ arrivals.total.period }} people entered the country, including {{ arrivals.nationality." + first_nat + ".period }} nationals of " + first_nat + ".")
    if later:
        add(0, "Compared with the previous report, when the total stood at {{ arrivals.total.previous }}, the number of people who entered the country grew by {{ arrivals.total.change }}.")
        add(0, "The share of " + first_nat + " nationals among all arrivals moved from {{ arrivals.nationality." + first_nat + ".share.previous | percent }} to {{ arrivals.nationality." + first_nat + ".share | percent }}.")
    add(1, "Other nationalities, namely {{ arrivals.nationality.top3.other.list | list }}, together account for {{ arrivals.nationality.top3.other }} arrivals, or {{ arrivals.nationality.top3.other.share | percent }} of the total.")
    add(1, f"Nationals of {second_nat} rank {{{{ arrivals.nationality.{second_nat}.rank | words }}}} among all nationalities, with {{{{ arrivals.nationality.{second_nat} }}}} entries since the onset.")
    add(1, "The three largest groups together represent {{ arrivals.nationality.top3.share | percent: 0 }} of arrivals since the beginning of the response.")
    if later:
        add(1, "The total number of arrivals since the onset grew by {{ arrivals.total.change.relative | percent }} compared with the previous report.")
    add(2, "In the reporting period, IOM directly assessed the needs and vulnerabilities of {{ assessments.total }} people in {{ assessments.region.count | words }} regions.")
    add(2, f"Most assessments took place in {reg[0]} region ({{{{ assessments.region.{reg[0]} }}}}, or {{{{ assessments.region.{reg[0]}.share | percent }}}}), followed by {reg[1]} region ({{{{ assessments.region.{reg[1]} }}}}).")
    add(2, "In total, since the onset of the crisis, IOM completed needs assessments of {{ assessments.total.cumulative }} people.")
    add(2, f"Teams in {some_region} region assessed {{{{ assessments.region.{some_region} }}}} people, bringing the total for the region since the onset to {{{{ assessments.region.{some_region}.cumulative }}}}.")
    add(2, "The regions with the fewest assessments were {{ assessments.region.top2.other.list | list: serial }}.")
    if later:
        add(2, "This compares with {{ assessments.total.previous }} people assessed in the previous period, a change of {{ assessments.total.change }}.")
    add(3, f"In total, {{{{ distributions.item.{item_a} }}}} beneficiaries received {item_a.lower()} assistance and {{{{ distributions.item.{item_b} }}}} received {item_b.lower()} assistance during the reporting period.")
    add(3, f"Assistance of all kinds reached {{{{ distributions.total }}}} beneficiaries, of whom {{{{ distributions.region.{dreg} }}}} were in {dreg} region ({{{{ distributions.region.{dreg}.share | percent }}}}).")
    add(3, f"In {dreg} region, {{{{ distributions.item.{item_a}.region.{dreg} | words }}}} beneficiaries received {item_a.lower()} support, that is {{{{ distributions.item.{item_a}.region.{dreg}.share | percent }}}} of all {item_a.lower()} beneficiaries.")
    add(3, f"The most common forms of assistance were {{{{ distributions.item.top2 | list }}}}, while {items[-1].lower()} assistance reached {{{{ distributions.item.{items[-1]} }}}} beneficiaries.")
    add(3, "Since the onset, {{ distributions.total.cumulative }} beneficiaries have received assistance from IOM and its partners.")
    add(3, f"Cumulatively, {{{{ distributions.item.{item_b}.cumulative }}}} beneficiaries have received {item_b.lower()} assistance since the beginning of the response.")
    if later:
        add(3, f"The number of {item_a.lower()} beneficiaries changed by {{{{ distributions.item.{item_a}.change }}}} compared with the previous period, when it stood at {{{{ distributions.item.{item_a}.previous }}}}.")
    add(4, "IOM has been working with {{ referral_pathways | words }} migrant referral pathways to protection services: on a government level, through the hotline and on a community level.")
    add(4, "Through these pathways, {{ leaflets.disseminated }} information leaflets were disseminated and {{ staff.field | words }} field staff members conducted protection monitoring visits.")
    add(4, "IOM's partner, " + s.partners[0] + ", referred {{ partners.referrals }} beneficiaries to IOM field staff for further assistance in the reporting period.")
    add(5, "As of {{ period.as_of | date: short }}, IOM has provided assisted voluntary return support to {{ avrr.total }} migrants so far this year, including {{ avrr.sex.female }} women and girls and {{ avrr.age.child }} children.")
    add(5, f"Nationals of {country_a} account for the highest share of returnees ({{{{ avrr.country.{country_a}.share | percent }}}}), followed by nationals of {country_b} ({{{{ avrr.country.{country_b}.share | percent: 0 }}}}).")
    add(5, "Other countries of origin of migrants returning through the programme include {{ avrr.country.top2.other.list | list: serial }}.")
    add(5, f"Among returnees from {country_a}, {{{{ avrr.country.{country_a}.sex.female }}}} were women and girls ({{{{ avrr.country.{country_a}.sex.female.share | percent }}}}) and {{{{ avrr.country.{country_a}.age.child }}}} were children.")
    add(5, "Returns were organised to {{ avrr.country.count }} countries of origin so far this year, and {{ avrr.sex.male.age.child }} of the returnees were boys.")
    if later:
        add(5, "Within the reporting period, {{ avrr.total.period }} migrants were assisted to return, compared with a year-to-date total of {{ avrr.total.previous }} in the previous report.")
        add(5, f"The number of returnees from {country_a} this year changed by {{{{ avrr.country.{country_a}.change }}}} since the previous report.")
    add(6, "As of {{ period.as_of | date: short }}, {{ dtm.trainings.held | words }} regional trainings have been held for enumerators in {{ dtm.trainings.regions }}.")
    add(6, "Data collection in " + some_region + " region covered {{ dtm.sites | words }} sites, and the results will be published in the next dashboard.")
    add(7, "From {{ hotline.from | date: short }} to {{ period.end | date: short }}, the hotline operated by {{ hotline.partner }} received {{ hotline.requests }} requests for information.")
    add(8, "IOM co-leads the working group with {{ partners.count | words }} member organisations, which met {{ coordination.meetings | words }} times in the reporting period.")
    add(9, "The response is funded at {{ funding.received.share | percent }} of the requirements of the appeal launched on {{ series.onset | date }}.")
    add(9, "The period covered by this report runs from {{ period.start | date }} to {{ period.end | date }}.")
    return out


def filler(s, rng, n):
    out = []
    for _ in range(n):
        t = rng.choice(FILLER)
        out.append(t.format(region=rng.choice(s.regions), partner=rng.choice(s.partners), host=s.host,
                            item=rng.choice(s.items).lower(), month=MONTHS[rng.randrange(12)],
                            nat=rng.choice(s.nationalities)))
    return out


def placeholders_in(text):
    return len(re.findall(r"\{\{", text))


def report(s, p, data, stated):
    rng = random.Random(f"{s.rng.random()}:report:{p}")
    year, month = s.month(p)
    sentences = figure_sentences(s, data, p, rng)
    # Keep about 50 placeholders: take sentences in order, dropping a few at random when there
    # are more than needed.
    total = sum(placeholders_in(t) for _, t in sentences)
    while total > 52:
        i = rng.randrange(len(sentences))
        total -= placeholders_in(sentences[i][1])
        del sentences[i]
    by_section = {}
    for section, text in sentences:
        by_section.setdefault(section, []).append(text)

    as_of = f"{year:04d}-{month:02d}-{days_in(year, month):02d}"
    lines = [
        "---",
        f"title: {yaml_quote(s.host + ': ' + s.crisis)}",
        f"as_of: {as_of}",
        "key_figures:",
        f"  - {{figure: arrivals.total, label: people entered {s.host} since the onset}}",
        "  - {figure: assessments.total, label: people assessed in the period}",
        "  - {figure: distributions.total, label: beneficiaries of assistance in the period}",
        "  - {figure: avrr.total, label: migrants assisted to return this year}",
    ]
    if rng.random() < 0.3:
        lines += ["notes:", f"  - Figures for {rng.choice(s.regions)} region are provisional."]
    lines += ["---", ""]

    # ~1,500 words: 10 sections; each gets its figure sentences interleaved with filler.
    words_target = 1500
    body = []
    table_after = {1: arrivals_block(), 3 if p % 2 == 0 else 5: second_block(p)}
    words = sum(len(t.split()) for _, t in sentences) + sum(len(h.split()) + 1 for h in HEADINGS) + 20
    extra = []
    while words < words_target:
        sentence = filler(s, rng, 1)[0]
        extra.append(sentence)
        words += len(sentence.split())
    per_section = [extra[i::len(HEADINGS)] for i in range(len(HEADINGS))]
    for i, heading in enumerate(HEADINGS):
        body.append(f"## {heading}")
        body.append("")
        # Figures first in the section, filler after, in paragraphs of 3-5 sentences.
        figs = by_section.get(i, [])
        rest = per_section[i]
        ordered = figs[:1] + rest[:2] + figs[1:] + rest[2:]
        while ordered:
            n = rng.randint(3, 5)
            body.append(" ".join(ordered[:n]))
            body.append("")
            ordered = ordered[n:]
        if i in table_after:
            body.append(table_after[i])
            body.append("")
    return "\n".join(lines + body).rstrip("\n") + "\n"


def arrivals_block():
    return "\n".join([
        "```sitrep-table",
        "table: arrivals",
        "rows: nationality",
        "sort: total desc",
        "share: true",
        "```",
    ])


def second_block(p):
    if p % 2 == 0:
        return "\n".join([
            "```sitrep-table",
            "table: distributions",
            "rows: item",
            "columns: region",
            "sort: total desc",
            "caption: Beneficiaries of assistance in the reporting period, by item and region",
            "```",
        ])
    return "\n".join([
        "```sitrep-table",
        "table: avrr",
        "rows: country",
        "columns: sex",
        "sort: total desc",
        "top: 10",
        "share: true",
        "```",
    ])


def days_in(year, month):
    if month == 2:
        return 29 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def series_yml(s):
    return "\n".join([
        f"title: {yaml_quote(s.title)}",
        f"office: {yaml_quote(s.office)}",
        f"onset: {s.onset()}",
        "locale: en",
        "tables:",
        "  arrivals:",
        "    reported: cumulative",
        f"    title: {yaml_quote('People who entered ' + s.host + ' since the onset, by nationality')}",
        "  assessments:",
        "    title: People assessed in the reporting period, by region",
        "  distributions:",
        "    value: beneficiaries",
        "    title: Beneficiaries of assistance in the reporting period, by item and region",
        "  avrr:",
        "    reported: cumulative",
        "    since: year",
        "    title: AVRR beneficiaries in the year to date, by country of origin, sex and age",
        "",
    ])


def figures_yml(s, p, data, rng):
    total_assessed = sum(v for _, v in data["assessments"])
    regions = rng.sample(s.regions, rng.randint(3, 5))
    return "\n".join([
        "# Single figures stated by the office for this period.",
        "leaflets:",
        f"  disseminated: {rng.randint(500, 20000)}",
        "staff:",
        f"  field: {rng.randint(2, 9)}",
        f"referral_pathways: {rng.randint(2, 5)}",
        "partners:",
        f"  referrals: {rng.randint(5, 120)}",
        f"  count: {rng.randint(3, 9)}",
        "dtm:",
        "  trainings:",
        f"    held: {len(regions)}",
        f"    regions: [{', '.join(regions)}]",
        f"  sites: {rng.randint(2, 9)}",
        "hotline:",
        f"  from: {s.onset()}",
        f"  partner: {yaml_quote(s.partners[1])}",
        f"  requests: {rng.randint(50, 3000)}",
        "coordination:",
        f"  meetings: {rng.randint(1, 6)}",
        "funding:",
        "  received:",
        f"    share: {rng.randint(150, 850) / 1000}",
        "# Stated and computed: must agree with assessments.csv.",
        f"assessments.total: {total_assessed}",
        "",
    ])


def generate(series, periods, out, seed):
    write(os.path.join(out, "sitrep.yml"), "\n".join([
        "title: Synthetic situation reports (benchmark)",
        "base_url: https://example.org/sitreps/",
        "locale: en",
        "",
    ]))
    for i in range(series):
        s = Series(i, seed, periods)
        base = os.path.join(out, "content", s.slug)
        write(os.path.join(base, "series.yml"), series_yml(s))
        for p in range(periods):
            year, month = s.month(p)
            folder = os.path.join(base, f"{year:04d}-{month:02d}")
            data = s.period_data(p)
            rng = random.Random(f"{s.rng.random()}:figures:{p}")
            write_csv(os.path.join(folder, "arrivals.csv"), ["nationality", "count"], data["arrivals"])
            write_csv(os.path.join(folder, "assessments.csv"), ["region", "count"], data["assessments"])
            write_csv(os.path.join(folder, "distributions.csv"), ["item", "region", "beneficiaries"], data["distributions"])
            write_csv(os.path.join(folder, "avrr.csv"), ["country", "sex", "age", "count"], data["avrr"])
            write(os.path.join(folder, "figures.yml"), figures_yml(s, p, data, rng))
            write(os.path.join(folder, "report.md"), report(s, p, data, None))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write a synthetic sitrep project of S series x P monthly periods.")
    parser.add_argument("--series", type=int, required=True, help="number of series (S)")
    parser.add_argument("--periods", type=int, required=True, help="periods per series (P), consecutive months")
    parser.add_argument("--out", required=True, help="folder to write (created; existing files are overwritten)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.series < 1 or args.periods < 1:
        parser.error("--series and --periods must be at least 1")
    if os.path.isdir(os.path.join(args.out, "content")) and os.listdir(os.path.join(args.out, "content")):
        parser.error(f"{args.out}/content already has files; use an empty folder")
    generate(args.series, args.periods, args.out, args.seed)
    print(f"wrote {args.series * args.periods} reports ({args.series} series x {args.periods} periods) to {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
