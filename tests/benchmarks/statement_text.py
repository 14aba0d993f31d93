"""Generate realistic, fictional modern-slavery statements as structured blocks (benchmark corpus).

A statement is built from a company profile (sector, jurisdiction, size, maturity) and a word budget: sections
(about us, operations, supply chains, risks, Xinjiang for some, policies, due diligence, audits, training,
grievance, remediation, KPIs, next steps, approval) are filled with sentences drawn from templates, mixed with
generic business description so that, as in real statements, not every sentence is about modern slavery. Long
documents get more sub-sections, case studies and appendices rather than longer paragraphs.

Template mini-language: ``[a|b|c]`` picks one alternative (alternatives may nest; ``[|x]`` is an optional ``x``),
``{slot}`` is filled from the document context (a list gives a random element), ``{int:5-120}`` is a random
integer, ``{pct:5-60}`` a random percentage. Every sentence here was written for this generator: none is copied
from a real statement. Everything is deterministic given the ``random.Random`` passed in.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

# --------------------------------------------------------------------------------------------
# Document model
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 for sections, 2 for sub-sections."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    """A body paragraph."""

    text: str


@dataclass(frozen=True)
class Bullets:
    """A bullet list."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table; the first row is the header row."""

    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None


@dataclass(frozen=True)
class Callout:
    """A short highlighted statement (pull quote or key figure box)."""

    text: str


@dataclass(frozen=True)
class SectionBreak:
    """Start the next section on a new page (layouts that do so)."""


Block = Heading | Para | Bullets | Table | Callout | SectionBreak


@dataclass
class Statement:
    """A generated statement: metadata, presentation choices and blocks in reading order."""

    stem: str
    company: str
    short: str
    year: int
    jurisdiction: str
    sector: str
    title: str
    xinjiang: bool
    layout: str  # one-column or two-column
    header: str | None
    footer: str | None
    footer_style: str
    header_style: str
    cover: tuple[str, ...] | None  # lines of the cover page, if any
    toc: tuple[tuple[str, int], ...] | None
    font: str
    body_size: float
    leading: float
    numbered_headings: bool
    upper_headings: bool
    hyphenation: bool
    section_breaks: bool
    page_number_offset: int
    target_pages: int
    blocks: list[Block] = field(default_factory=list)

    def words(self) -> int:
        """Count the words of the body blocks (cover, TOC, header and footer excluded)."""
        n = 0
        for block in self.blocks:
            if isinstance(block, Heading | Para | Callout):
                n += len(block.text.split())
            elif isinstance(block, Bullets):
                n += sum(len(item.split()) for item in block.items)
            elif isinstance(block, Table):
                n += sum(len(cell.split()) for row in block.rows for cell in row)
        return n


# --------------------------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------------------------
NAME_ROOTS = (
    "Ashcombe", "Brackenridge", "Carrow", "Dunmore", "Elmstead", "Fenwick", "Glenholm", "Harrowgate", "Ivybridge",
    "Kestrel", "Larchfield", "Marwood", "Northwick", "Oakhurst", "Pembury", "Quarrington", "Redhill", "Saltmarsh",
    "Thornbury", "Upton", "Vennor", "Westcliffe", "Yarrow", "Albury", "Bexmoor", "Caldbeck", "Deverell", "Eskdale",
    "Farrington", "Greystoke", "Holloway", "Kingsmere", "Lowther", "Millbrook", "Newhaven", "Orwell", "Penrose",
    "Ravensworth", "Stanway", "Tamar", "Wexcombe", "Amberley", "Boldon", "Cresswell", "Dalby", "Ellerton",
    "Faversham", "Gatley", "Hensall", "Kirkham", "Lindale", "Merrow", "Norland", "Ottery", "Pelham", "Rowan",
    "Selsey", "Torrance", "Warrender", "Wyndham", "Corran", "Bellamy", "Kinross", "Talbot", "Arden", "Brisk",
)  # fmt: skip
FIRST_NAMES = (
    "James", "Sarah", "David", "Emma", "Michael", "Claire", "Richard", "Helen", "Andrew", "Rachel", "Simon",
    "Louise", "Mark", "Joanne", "Paul", "Fiona", "Peter", "Katherine", "Stephen", "Nicola", "Daniel", "Priya",
    "Rajesh", "Mei", "Oliver", "Charlotte", "Thomas", "Amelia", "Liam", "Grace", "Noah", "Isla", "Ahmed", "Fatima",
    "Lucas", "Sophie", "Hamish", "Aisling", "Kwame", "Ngozi", "Marco", "Elena", "Tomasz", "Agnieszka",
)  # fmt: skip
LAST_NAMES = (
    "Thompson", "Clarke", "Patel", "Hughes", "Morgan", "Walsh", "Harrison", "Bennett", "Fraser", "Okafor",
    "Nguyen", "Campbell", "Lewis", "Sutherland", "Whitaker", "Khan", "Robertson", "Davies", "Murray", "Chen",
    "O'Connell", "Fitzgerald", "Mensah", "Kowalski", "Rossi", "Lindqvist", "Hartley", "Ashworth", "Pritchard",
    "Doyle", "MacLeod", "Singh", "Ferreira", "Novak", "Brennan", "Holt", "Carmichael", "Iqbal", "Lambert",
)  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
)  # fmt: skip


@dataclass(frozen=True)
class Jurisdiction:
    """Legal frame of a statement."""

    code: str
    act: str
    section: str
    board: str
    home: str
    region: str
    cities: tuple[str, ...]
    legal_forms: tuple[str, ...]
    currency: str
    exchange: str
    title: tuple[str, ...]


JURISDICTIONS = {
    "GB": Jurisdiction(
        "GB",
        "the Modern Slavery Act 2015",
        "section 54(1)",
        "Board of Directors",
        "the United Kingdom",
        "the UK and Ireland",
        ("London", "Manchester", "Leeds", "Birmingham", "Bristol", "Glasgow", "Edinburgh", "Nottingham", "Reading"),
        ("plc", "Limited", "Ltd", "Group plc", "Holdings Limited", "UK Limited"),
        "£",
        "London Stock Exchange",
        (
            "Modern Slavery Statement {fy_label}",
            "Modern Slavery and Human Trafficking Statement {fy_label}",
            "Slavery and Human Trafficking Statement {fy_label}",
            "Modern Slavery Act Statement {fy_label}",
        ),
    ),
    "AU": Jurisdiction(
        "AU",
        "the Modern Slavery Act 2018 (Cth)",
        "section 16",
        "Board",
        "Australia",
        "Australia and New Zealand",
        ("Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Canberra"),
        ("Pty Ltd", "Limited", "Group Limited", "Holdings Pty Ltd"),
        "A$",
        "Australian Securities Exchange",
        (
            "Modern Slavery Statement {fy_label}",
            "Modern Slavery Statement for the reporting period ending {fy_end}",
            "Joint Modern Slavery Statement {fy_label}",
        ),
    ),
    "CA": Jurisdiction(
        "CA",
        "the Fighting Against Forced Labour and Child Labour in Supply Chains Act",
        "section 11",
        "Board of Directors",
        "Canada",
        "North America",
        ("Toronto", "Montreal", "Vancouver", "Calgary", "Ottawa", "Mississauga"),
        ("Inc.", "Ltd.", "Corporation", "Holdings Inc."),
        "C$",
        "Toronto Stock Exchange",
        (
            "Report on Forced Labour and Child Labour in Supply Chains {year}",
            "Forced Labour and Child Labour Report {year}",
            "Supply Chain Transparency Report {year}",
        ),
    ),
    "US": Jurisdiction(
        "US",
        "the California Transparency in Supply Chains Act of 2010",
        "Civil Code section 1714.43",
        "Board of Directors",
        "the United States",
        "North America",
        ("Los Angeles", "San Francisco", "San Diego", "Seattle", "Chicago", "New York", "Austin"),
        ("Inc.", "LLC", "Corporation", "Holdings, Inc."),
        "US$",
        "New York Stock Exchange",
        (
            "California Transparency in Supply Chains Act Disclosure {year}",
            "Supply Chain Transparency and Modern Slavery Statement {year}",
            "Human Rights and Modern Slavery Statement {year}",
        ),
    ),
}
JURISDICTION_WEIGHTS = {"GB": 0.55, "AU": 0.25, "CA": 0.12, "US": 0.08}


@dataclass(frozen=True)
class Sector:
    """What a company in one sector does, buys and risks."""

    key: str
    name_words: tuple[str, ...]
    desc: tuple[str, ...]
    units: tuple[tuple[str, str], ...]
    sites: tuple[str, ...]
    products: tuple[str, ...]
    categories: tuple[str, ...]
    commodities: tuple[str, ...]
    countries: tuple[str, ...]
    risk_areas: tuple[str, ...]
    workforce: tuple[str, ...]
    business: tuple[str, ...]
    xj_prob: float
    xj_goods: tuple[str, ...]
    weight: float = 1.0


SECTORS: tuple[Sector, ...] = (
    Sector(
        "apparel",
        ("Apparel", "Fashion", "Clothing", "Retail", "Brands"),
        (
            "an international fashion and homeware retailer",
            "a clothing and footwear brand",
            "a multi-channel retailer of clothing, footwear and accessories",
            "a designer and wholesaler of apparel",
        ),
        (
            ("Womenswear", "designs and sells women's clothing, lingerie and accessories"),
            ("Menswear", "covers men's tailoring, casualwear and footwear"),
            ("Kids", "offers childrenswear and school uniform ranges"),
            ("Home", "sells bedding, towels, furniture and decorative accessories"),
            ("Online", "runs our websites and apps in 28 markets and handles home delivery and returns"),
            ("Wholesale", "supplies our brands to department stores and franchise partners"),
        ),
        ("stores", "distribution centres", "outlet stores", "design studios"),
        ("clothing", "footwear", "accessories", "homeware", "school uniforms"),
        (
            "finished garments",
            "fabrics and trims",
            "packaging",
            "store fit-out",
            "logistics",
            "IT services",
            "marketing",
            "facilities management",
        ),
        ("cotton", "viscose", "leather", "wool", "polyester", "cashmere"),
        (
            "Bangladesh",
            "China",
            "India",
            "Turkey",
            "Vietnam",
            "Cambodia",
            "Pakistan",
            "Sri Lanka",
            "Myanmar",
            "Portugal",
            "Morocco",
            "Romania",
        ),
        (
            "garment factories",
            "spinning mills",
            "cotton farms",
            "home-based embroidery work",
            "dyeing and finishing units",
            "leather tanneries",
        ),
        ("store colleagues", "warehouse colleagues", "head office staff", "seasonal workers"),
        (
            "We design [most of|all] our own-brand ranges in {hq} and buy finished products from independent "
            "suppliers.",
            "[Our|The] product teams [plan|develop] {int:4-12} seasonal collections a year, with "
            "[quick-response|repeat] orders [placed|made] [close to the season|within the season].",
            "Online sales [accounted for|made up] {pct:18-62} of revenue in the year, [up from|compared with] "
            "{pct:10-40} [the year before|in {prev_year}].",
            "We opened {int:3-25} new stores and [refitted|refurbished] {int:5-40} existing ones during the year.",
            "Our customers [increasingly|] expect [value, quality and style|quality at a fair price], and "
            "[they|many of them] [also|] want to know [how and where|where] their clothes are made.",
            "[Our|The] [sourcing offices|regional sourcing teams] in {country} and {country} [manage|oversee] "
            "[supplier relationships|production and quality] [on the ground|locally].",
        ),
        0.7,
        ("cotton", "viscose", "polyester", "PVC"),
        1.6,
    ),
    Sector(
        "food",
        ("Foods", "Food Group", "Grocers", "Fresh", "Farms"),
        (
            "a food retailer with supermarkets and convenience stores",
            "a producer and distributor of fresh food",
            "a food manufacturer supplying retailers and food service customers",
            "a wholesaler of chilled and frozen food",
        ),
        (
            ("Retail", "operates our supermarkets, convenience stores and online grocery service"),
            ("Fresh Produce", "packs and distributes fruit, vegetables and salads"),
            ("Bakery", "runs three plant bakeries supplying bread, rolls and cakes"),
            ("Food Service", "supplies restaurants, schools, hospitals and caterers"),
            ("Protein", "processes poultry, pork and beef at our own sites"),
            ("Brands", "manages our branded grocery and snack products"),
        ),
        ("supermarkets", "convenience stores", "depots", "processing sites", "farms"),
        ("fresh produce", "meat and poultry", "bakery products", "ready meals", "grocery"),
        (
            "fresh produce",
            "meat and dairy",
            "seafood",
            "packaging",
            "agency labour",
            "haulage",
            "cleaning",
            "ingredients",
            "store equipment",
        ),
        ("cocoa", "coffee", "palm oil", "seafood", "tomatoes", "sugar cane", "tea", "rice", "hazelnuts"),
        (
            "Spain",
            "Italy",
            "Thailand",
            "Ghana",
            "Côte d'Ivoire",
            "Kenya",
            "Brazil",
            "Morocco",
            "India",
            "the Netherlands",
            "Peru",
            "South Africa",
        ),
        (
            "seasonal agricultural work",
            "fishing vessels",
            "meat processing plants",
            "packhouses",
            "food processing factories",
            "cocoa farms",
        ),
        ("store colleagues", "drivers", "production operatives", "agency workers"),
        (
            "[We sell|We supply] [around|more than] {int:3000-25000} products, [about|roughly] {pct:30-60} of them "
            "under our own brand.",
            "Our {int:2-9} manufacturing sites [produce|make] {product} for [our own stores|retail customers] and "
            "[wholesale partners|food service customers].",
            "[During the year|In {year}] [we|the business] [served|welcomed] [about|over] {int:2-30} million customers "
            "[each week|a week].",
            "[Food inflation|High energy and ingredient costs] [put pressure on|affected] margins "
            "[throughout|for most of] the year, and we [invested|chose to invest] in [lower prices|price cuts] on "
            "everyday essentials.",
            "[Most of|Much of] our fresh produce [is grown|comes from growers] in {country} and {country}, "
            "[supplemented|with imports] [in the winter months|out of season] from {country}.",
        ),
        0.3,
        ("tomatoes", "tomato paste", "cotton", "garlic"),
        1.4,
    ),
    Sector(
        "construction",
        ("Construction", "Building", "Infrastructure", "Contracting", "Homes"),
        (
            "a construction and infrastructure services group",
            "a housebuilder",
            "a civil engineering contractor",
            "a building and maintenance contractor",
        ),
        (
            ("Building", "delivers schools, hospitals, offices and residential schemes"),
            ("Infrastructure", "works on roads, rail, water and energy networks"),
            ("Homes", "builds private and affordable homes on {int:20-90} active sites"),
            ("Facilities", "maintains public and commercial buildings under long-term contracts"),
            ("Plant Hire", "owns and hires out cranes, excavators and access equipment"),
        ),
        ("construction sites", "regional offices", "depots", "manufacturing yards"),
        ("homes", "public buildings", "infrastructure projects", "refurbishments"),
        (
            "building materials",
            "subcontracted trades",
            "plant hire",
            "labour agencies",
            "steel",
            "timber",
            "personal protective equipment",
            "solar panels",
            "IT equipment",
        ),
        ("steel", "timber", "natural stone", "bricks", "solar panels", "copper"),
        ("the UK", "China", "India", "Turkey", "Poland", "Romania", "Vietnam", "Portugal", "Brazil", "Sweden"),
        (
            "labour-only subcontracting",
            "agency labour on site",
            "stone quarries",
            "brick kilns",
            "timber harvesting",
            "steel production",
        ),
        ("site operatives", "engineers", "trades people", "office staff"),
        (
            "[We|The Group] completed {int:40-400} projects in the year, [ranging from|from] [school extensions|small "
            "refurbishments] to [major hospital schemes|large infrastructure contracts].",
            "Our order book [stood at|was] {currency}{int:1-9}.{int:1-9} billion at the year end, "
            "[with|and] {pct:60-90} of next year's [revenue|work] already secured.",
            "[Most of|Around {pct:55-85} of] the people working on our sites are employed by subcontractors rather "
            "than by us directly.",
            "We [are|remain] committed to [reaching net zero|cutting carbon] [in our own operations|on our sites] "
            "[by 2035|by 2040|before 2045], and [all|most of] our [site cabins|compounds] now run on [solar|hybrid] "
            "power.",
            "[Public sector clients|Local authorities and government departments] account for {pct:40-80} of our "
            "revenue.",
        ),
        0.15,
        ("polysilicon", "solar panels", "aluminium", "PVC"),
        1.1,
    ),
    Sector(
        "logistics",
        ("Logistics", "Freight", "Transport", "Distribution"),
        (
            "a logistics and supply chain services provider",
            "a road haulage and warehousing business",
            "an international freight forwarder",
            "a parcel delivery company",
        ),
        (
            ("Contract Logistics", "runs warehouses for retail, healthcare and industrial customers"),
            ("Road Freight", "operates a fleet of [around|over] {int:300-4000} vehicles"),
            ("Freight Forwarding", "arranges air and ocean freight through partner carriers"),
            ("Parcels", "delivers [around|over] {int:20-300} million parcels a year"),
            ("Cold Chain", "stores and moves chilled and frozen goods"),
        ),
        ("warehouses", "depots", "cross-dock sites", "offices"),
        ("warehousing", "transport", "freight forwarding", "returns management"),
        (
            "agency labour",
            "subcontracted drivers",
            "vehicles",
            "fuel",
            "uniforms",
            "handheld scanners",
            "facilities management",
            "cleaning",
            "IT services",
        ),
        ("uniforms", "handheld devices", "tyres", "batteries"),
        ("the UK", "Poland", "Romania", "Germany", "China", "the Netherlands", "Lithuania", "Spain", "India"),
        (
            "agency labour in warehouses",
            "subcontracted delivery drivers",
            "car wash and vehicle valeting",
            "seafarers on chartered vessels",
        ),
        ("drivers", "warehouse operatives", "transport planners", "agency workers"),
        (
            "[We|The Group] [handled|moved] [about|more than] {int:2-60} million [pallets|consignments] in the year.",
            "[Peak trading|The pre-Christmas peak] [requires|means] [temporary increases|a temporary increase] in our "
            "workforce of up to {pct:20-60}, [mostly|largely] through [labour agencies|recruitment agencies].",
            "We [invested|spent] {currency}{int:10-90} million on [new vehicles|warehouse automation|electric vans] "
            "during the year.",
            "[Customer contracts|Our contracts] [typically|usually] run for {int:3-7} years, and [our retention rate|"
            "renewal rates] remained above {pct:85-97}.",
        ),
        0.1,
        ("cotton", "aluminium"),
        0.9,
    ),
    Sector(
        "electronics",
        ("Technologies", "Electronics", "Devices", "Systems", "Instruments"),
        (
            "a designer and manufacturer of electronic devices",
            "a supplier of industrial electronics and sensors",
            "a consumer electronics brand",
            "a developer of networking and communications equipment",
        ),
        (
            ("Consumer Devices", "designs phones, tablets, wearables and accessories"),
            ("Industrial", "makes sensors, controllers and test instruments for manufacturers"),
            ("Networks", "supplies routers, switches and network software"),
            ("Services", "provides repair, refurbishment and managed services"),
        ),
        ("design centres", "assembly plants", "offices", "repair centres"),
        ("devices", "components", "sensors", "networking equipment"),
        (
            "printed circuit boards",
            "semiconductors",
            "batteries",
            "displays",
            "contract manufacturing",
            "packaging",
            "logistics",
            "software and cloud services",
        ),
        ("cobalt", "tin", "tantalum", "tungsten", "gold", "mica", "aluminium", "polysilicon"),
        (
            "China",
            "Taiwan",
            "Malaysia",
            "Vietnam",
            "Mexico",
            "South Korea",
            "Thailand",
            "the Philippines",
            "Japan",
            "India",
        ),
        (
            "component factories",
            "artisanal mining",
            "smelters and refiners",
            "dormitory-based factory workforces",
            "student intern programmes",
        ),
        ("engineers", "production technicians", "sales staff", "contractors"),
        (
            "[We|The company] spent {pct:8-18} of revenue on research and development in the year.",
            "Our products are [assembled|built] [mainly|largely] by contract manufacturers in {country} and {country}, "
            "[to our designs|under our specifications].",
            "We shipped [around|over] {int:2-40} million units in {year}[, a record for the company|].",
            "[Customers|Our customers] include [telecoms operators|carmakers|hospitals|utilities] and [industrial "
            "manufacturers|government agencies] in {int:20-110} countries.",
            "[Component shortages|Supply constraints on semiconductors] [eased|continued to ease] during the year.",
        ),
        0.6,
        ("polysilicon", "aluminium", "cotton"),
        1.1,
    ),
    Sector(
        "solar",
        ("Energy", "Renewables", "Power", "Solar"),
        (
            "a renewable energy developer and operator",
            "a solar and battery storage installer",
            "an independent power producer",
            "a wind and solar energy company",
        ),
        (
            ("Solar", "develops, builds and operates utility-scale solar farms"),
            ("Wind", "operates onshore and offshore wind farms"),
            ("Storage", "builds grid-scale battery storage projects"),
            ("Residential", "installs rooftop solar and heat pumps for households"),
        ),
        ("solar farms", "wind farms", "operations centres", "offices"),
        ("solar farms", "battery storage", "wind projects", "heat pumps"),
        (
            "solar modules",
            "inverters",
            "batteries",
            "steel structures",
            "cabling",
            "construction services",
            "turbines",
            "operations and maintenance services",
        ),
        ("polysilicon", "solar wafers", "aluminium frames", "lithium", "cobalt", "copper"),
        ("China", "Malaysia", "Vietnam", "India", "Germany", "Spain", "the United States", "Thailand", "Korea"),
        ("polysilicon production", "module assembly", "construction labour", "mineral extraction"),
        ("engineers", "technicians", "construction contractors", "office staff"),
        (
            "Our portfolio [now totals|reached] {int:300-9000} MW of [operating|installed] capacity across "
            "{int:20-200} sites.",
            "[During the year|In {year}] we connected {int:3-30} new projects to the grid.",
            "We [generated|produced] {int:1-12},{int:100-999} GWh of renewable electricity, enough to power "
            "[around|about] {int:1-4} million homes.",
            "[Most|Nearly all] of the solar modules [installed|used] in the industry are made in China, "
            "and [we|the sector] [cannot|could not] [build|deliver] projects at scale without them.",
        ),
        0.9,
        ("polysilicon", "solar modules", "aluminium"),
        0.9,
    ),
    Sector(
        "finance",
        ("Capital", "Investments", "Financial", "Asset Management", "Insurance"),
        (
            "an investment management firm",
            "a retail and commercial bank",
            "an insurance group",
            "a wealth management business",
        ),
        (
            ("Asset Management", "manages equity, bond and multi-asset funds for institutions and individuals"),
            ("Retail Banking", "serves personal customers through branches, phone and app"),
            ("Commercial Banking", "lends to small and mid-sized businesses"),
            ("Insurance", "underwrites home, motor and commercial risks"),
            ("Wealth", "provides financial planning and discretionary portfolio management"),
        ),
        ("offices", "branches", "contact centres", "data centres"),
        ("investment funds", "loans", "insurance policies", "pensions"),
        (
            "IT hardware",
            "software",
            "professional services",
            "facilities management",
            "cleaning",
            "security",
            "catering",
            "branded merchandise",
            "travel",
        ),
        ("IT hardware", "uniforms", "promotional goods"),
        ("the UK", "Ireland", "India", "the United States", "Poland", "South Africa", "the Philippines"),
        (
            "outsourced cleaning and security",
            "offshore IT services",
            "the companies we invest in",
            "clients we lend to",
        ),
        ("office-based staff", "contact centre colleagues", "contractors"),
        (
            "[We manage|Assets under management were] {currency}{int:8-240} billion [on behalf of|for] "
            "[pension schemes|clients], [charities and individuals|insurers and individuals].",
            "[Our|The firm's] [capital ratio|solvency ratio] [remained|stayed] [well above|comfortably above] "
            "regulatory requirements.",
            "[We|The Group] [is|are] authorised and regulated by the Financial Conduct Authority"
            "[ and the Prudential Regulation Authority|].",
            "[Customers|Clients] [increasingly|] use our [app|digital channels] for {pct:60-92} of "
            "[transactions|interactions].",
        ),
        0.25,
        ("cotton", "polysilicon"),
        1.0,
    ),
    Sector(
        "education",
        ("University", "College"),
        (
            "a research-intensive university",
            "a university with a strong teaching and research tradition",
            "a further and higher education college",
        ),
        (
            ("Faculty of Science", "teaches and researches across the natural sciences and engineering"),
            ("Faculty of Arts and Humanities", "covers languages, history, philosophy and the creative arts"),
            ("Business School", "offers undergraduate, postgraduate and executive programmes"),
            ("Estates", "manages our campus buildings, student residences and sports facilities"),
            ("Commercial Services", "runs catering, conferences and retail outlets on campus"),
        ),
        ("campuses", "halls of residence", "research institutes", "teaching buildings"),
        ("teaching", "research", "student accommodation", "conferences"),
        (
            "laboratory equipment",
            "IT equipment",
            "construction",
            "catering",
            "cleaning",
            "security",
            "student recruitment agents",
            "furniture",
            "travel",
        ),
        ("IT hardware", "laboratory gloves", "catering produce", "furniture"),
        ("the UK", "China", "Malaysia", "India", "Germany", "Vietnam", "Poland"),
        (
            "outsourced cleaning and catering",
            "construction projects",
            "electronics manufacturing",
            "international student recruitment",
        ),
        ("academic staff", "professional services staff", "students in paid roles", "contractors"),
        (
            "[The University|We] [has|have] [around|over] {int:9000-38000} students and {int:2000-8000} staff.",
            "Our research income [reached|was] {currency}{int:40-400} million in the year, "
            "[with major grants|including grants] [in health|in climate science] and engineering.",
            "[The University|We] [is|are] a charity regulated by the Office for Students.",
            "[Our campus|The estate] [covers|extends to] {int:40-300} hectares and [includes|has] {int:60-240} "
            "buildings.",
        ),
        0.2,
        ("cotton", "polysilicon", "aluminium"),
        0.7,
    ),
    Sector(
        "health",
        ("Healthcare", "Health", "Medical", "Care"),
        (
            "an NHS Foundation Trust providing acute and community services",
            "a private hospital group",
            "a provider of residential and home care",
            "a distributor of medical supplies",
        ),
        (
            ("Acute Services", "runs {int:2-5} hospitals with emergency departments"),
            ("Community Services", "provides district nursing and therapy in people's homes"),
            ("Care Homes", "operates {int:20-140} care homes"),
            ("Medical Supplies", "distributes consumables and equipment to hospitals and clinics"),
        ),
        ("hospitals", "clinics", "care homes", "warehouses"),
        ("clinical care", "medical supplies", "care services"),
        (
            "medical gloves",
            "personal protective equipment",
            "surgical instruments",
            "pharmaceuticals",
            "linen and laundry",
            "agency staffing",
            "catering",
            "cleaning",
            "estates maintenance",
        ),
        ("nitrile gloves", "surgical instruments", "cotton", "rubber"),
        ("Malaysia", "China", "Pakistan", "India", "Thailand", "the UK", "Germany", "Vietnam"),
        (
            "glove factories",
            "surgical instrument workshops",
            "international recruitment of care workers",
            "outsourced cleaning",
        ),
        ("nurses", "care workers", "doctors", "support staff", "bank and agency staff"),
        (
            "[We|The Trust] [treated|cared for] [around|more than] {int:300-900},000 patients during the year.",
            "[We|Our services] [employ|rely on] [around|over] {int:3000-14000} staff, [and|while] [bank and agency "
            "staff|temporary staff] [fill|cover] [gaps|vacancies] [at short notice|when needed].",
            "[Waiting lists|Demand for our services] [remained|continued to be] [high|above pre-pandemic levels], "
            "[and|but] [we|our teams] [reduced|cut] the longest waits by {pct:10-60}.",
            "[Most of|Many of] the products we buy are [purchased|sourced] through [NHS Supply Chain|national "
            "frameworks|group purchasing organisations].",
        ),
        0.3,
        ("cotton", "PVC", "nitrile gloves"),
        0.8,
    ),
    Sector(
        "hospitality",
        ("Hotels", "Hospitality", "Leisure", "Inns"),
        (
            "a hotel and restaurant group",
            "a pub and restaurant operator",
            "a contract caterer",
            "a leisure and entertainment business",
        ),
        (
            ("Hotels", "operates {int:20-180} hotels under {int:2-4} brands"),
            ("Restaurants", "runs {int:40-600} restaurants and pubs"),
            ("Events", "organises conferences, weddings and corporate events"),
            ("Contract Catering", "provides catering at offices, schools and stadiums"),
        ),
        ("hotels", "restaurants", "pubs", "kitchens"),
        ("rooms", "food and drink", "events"),
        (
            "food and drink",
            "linen and laundry",
            "housekeeping services",
            "agency staff",
            "cleaning products",
            "uniforms",
            "furniture",
            "maintenance",
        ),
        ("seafood", "coffee", "cotton linen", "cocoa"),
        ("the UK", "Spain", "Italy", "China", "India", "Poland", "Brazil", "Vietnam"),
        ("outsourced housekeeping", "agency kitchen staff", "car washes", "laundry services"),
        ("front of house colleagues", "chefs", "housekeepers", "agency workers"),
        (
            "Occupancy [averaged|reached] {pct:65-88} across our estate during the year.",
            "We served [around|more than] {int:10-90} million meals [in the year|during {year}].",
            "[Staff turnover|Colleague turnover] [fell|dropped] to {pct:30-70}, [still high|which is still high] but "
            "[well below|below] the industry average.",
            "[A third|Around {pct:20-45}] of our [housekeeping|cleaning] is [carried out|done] by contractors.",
        ),
        0.05,
        ("cotton",),
        0.7,
    ),
    Sector(
        "automotive",
        ("Automotive", "Engineering", "Motors", "Industries", "Manufacturing"),
        (
            "a manufacturer of vehicle components",
            "an engineering group serving the automotive and aerospace industries",
            "a vehicle manufacturer",
            "an industrial manufacturer",
        ),
        (
            ("Powertrain", "makes engine, transmission and electric drive components"),
            ("Body Systems", "produces seating, interiors and lighting"),
            ("Aerospace", "machines precision parts for aircraft engines"),
            ("Aftermarket", "supplies spare parts to distributors and garages"),
        ),
        ("factories", "technical centres", "warehouses", "offices"),
        ("components", "assemblies", "vehicles", "spare parts"),
        (
            "steel",
            "aluminium",
            "castings",
            "electronic components",
            "batteries",
            "leather",
            "tyres",
            "logistics",
            "tooling",
        ),
        ("steel", "aluminium", "cobalt", "mica", "natural rubber", "leather", "lithium"),
        ("Germany", "China", "Mexico", "Japan", "the Czech Republic", "Morocco", "Turkey", "India", "Poland", "Brazil"),
        ("mineral extraction", "leather and rubber production", "component factories", "agency labour in plants"),
        ("production operatives", "engineers", "apprentices", "agency workers"),
        (
            "[We|The Group] [produced|made] [around|over] {int:2-60} million components at {int:6-40} plants "
            "[during the year|in {year}].",
            "[Demand for|Sales of] [electric vehicle|hybrid] [components|parts] [grew|rose] by {pct:15-80} and now "
            "make up {pct:10-40} of revenue.",
            "Our [ten|five|three] largest customers [account for|represent] {pct:40-75} of sales.",
            "[We are|The business is] certified to IATF 16949 and ISO 14001 at [all|every] manufacturing site.",
        ),
        0.6,
        ("aluminium", "steel", "cotton", "PVC"),
        1.0,
    ),
    Sector(
        "mining",
        ("Resources", "Mining", "Minerals", "Metals"),
        (
            "a diversified mining company",
            "a producer of iron ore and copper",
            "a gold miner",
            "a mining services contractor",
        ),
        (
            ("Iron Ore", "operates {int:2-6} mines and a rail and port system"),
            ("Copper", "runs open-pit and underground copper operations"),
            ("Gold", "operates gold mines and a processing plant"),
            ("Services", "provides drilling, haulage and camp services"),
        ),
        ("mine sites", "processing plants", "ports", "camps"),
        ("iron ore", "copper concentrate", "gold", "coal"),
        (
            "heavy equipment",
            "tyres",
            "explosives",
            "fuel",
            "camp and catering services",
            "contractors",
            "personal protective equipment",
            "shipping",
        ),
        ("solar panels", "personal protective equipment", "tyres", "steel"),
        ("Australia", "Chile", "Peru", "South Africa", "China", "Indonesia", "the United States", "Ghana"),
        ("shipping crews", "camp services", "manufacturing of protective equipment", "contract labour"),
        ("operators", "maintenance crews", "contractors", "camp staff"),
        (
            "[We|The company] [produced|shipped] {int:20-290} million tonnes of [ore|product] in the year.",
            "Our [operations|mines] [are located|sit] [on the traditional lands|on the lands] of {int:4-12} "
            "Indigenous groups, [with whom we have|and we have] agreements on [land use|employment and heritage].",
            "[Contractors|Contractor employees] make up [about|around] {pct:35-65} of our workforce on site.",
        ),
        0.2,
        ("polysilicon", "solar panels", "cotton"),
        0.7,
    ),
    Sector(
        "software",
        ("Software", "Digital", "Data", "Cloud"),
        (
            "a software and IT services company",
            "a provider of cloud software for businesses",
            "a data and analytics company",
            "a digital consultancy",
        ),
        (
            ("Platform", "develops our cloud software products"),
            ("Professional Services", "implements and supports our software for clients"),
            ("Managed Services", "runs IT infrastructure for clients"),
            ("Data", "sells data, analytics and research subscriptions"),
        ),
        ("offices", "development centres", "data centres"),
        ("software subscriptions", "IT services", "data products"),
        (
            "laptops and hardware",
            "cloud hosting",
            "offshore development",
            "facilities management",
            "cleaning",
            "catering",
            "branded merchandise",
            "recruitment agencies",
        ),
        ("laptops", "servers", "merchandise"),
        ("India", "the Philippines", "Ireland", "the United States", "Romania", "Poland", "the UK"),
        ("hardware manufacturing", "outsourced cleaning and security", "offshore service centres"),
        ("software engineers", "consultants", "support staff", "contractors"),
        (
            "[Annual recurring revenue|Recurring revenue] [grew|increased] by {pct:8-35} to {currency}{int:50-900} "
            "million.",
            "[We serve|Our customers include] [around|over] {int:2000-60000} [businesses|organisations] "
            "in {int:20-120} countries.",
            "[Most|Almost all] of our [people|colleagues] [work|are] in [knowledge-based|professional] roles, "
            "[and|but] [hybrid working|remote working] is now [the norm|standard].",
        ),
        0.1,
        ("polysilicon", "cotton"),
        0.8,
    ),
    Sector(
        "furniture",
        ("Home", "Furniture", "Interiors", "Living"),
        (
            "a furniture and homewares retailer",
            "a manufacturer of upholstered furniture",
            "a home improvement retailer",
        ),
        (
            ("Furniture", "designs and sells sofas, beds, dining and storage furniture"),
            ("Homewares", "covers lighting, textiles, kitchenware and decorations"),
            ("DIY", "sells tools, paint, garden products and building materials"),
            ("Online", "handles web and app sales and two-person home delivery"),
        ),
        ("stores", "distribution centres", "factories", "showrooms"),
        ("furniture", "homewares", "garden products", "DIY products"),
        ("finished furniture", "timber", "textiles", "foam", "metal fittings", "packaging", "logistics"),
        ("timber", "rattan", "cotton", "rubber wood", "granite"),
        ("China", "Vietnam", "Indonesia", "Poland", "Lithuania", "India", "Malaysia", "Turkey", "Romania"),
        ("timber harvesting", "furniture factories", "home-based weaving", "quarries"),
        ("store colleagues", "delivery drivers", "factory operatives"),
        (
            "[We sell|The Group sells] [around|over] {int:8000-60000} products [online and in|through] "
            "{int:30-320} stores.",
            "[Big-ticket|Large] furniture purchases [slowed|fell] as [households|customers] [cut back|reduced "
            "spending] [during the year|in {year}].",
            "[We|Our factories] [make|manufacture] {pct:20-60} of our upholstered furniture [ourselves|in-house] "
            "[in {hq}|in the UK].",
        ),
        0.35,
        ("cotton", "PVC", "viscose"),
        0.8,
    ),
)

REGIONS = {
    "xuar": (
        "the Xinjiang Uyghur Autonomous Region (XUAR)",
        "the Xinjiang Uyghur Autonomous Region",
        "Xinjiang",
        "the Uyghur Region",
        "the XUAR",
        "the Uyghur Region of China",
    ),
}
RISK_SOURCES = (
    "the Global Slavery Index", "the US Department of Labor's List of Goods Produced by Child Labor or Forced Labor",
    "Verisk Maplecroft indices", "the ITUC Global Rights Index", "the US Trafficking in Persons Report",
    "the Sedex Risk Assessment Tool", "reports from NGOs and trade unions", "EcoVadis IQ",
)  # fmt: skip
INITIATIVES = (
    "the Ethical Trading Initiative (ETI)", "Stronger Together", "the Responsible Business Alliance (RBA)",
    "amfori BSCI", "the Fair Labor Association", "the UN Global Compact", "the Consumer Goods Forum",
    "the Responsible Labour Initiative", "the Slave-Free Alliance", "the Leadership Group for Responsible "
    "Recruitment", "Better Work", "the Institute for Human Rights and Business",
)  # fmt: skip
AUDIT_SCHEMES = ("SMETA", "amfori BSCI", "RBA VAP", "SA8000", "WRAP", "third-party social")
POLICIES = (
    "Supplier Code of Conduct", "Human Rights Policy", "Whistleblowing Policy", "Anti-Bribery and Corruption "
    "Policy", "Responsible Sourcing Policy", "Recruitment and Selection Policy", "Code of Business Conduct",
    "Ethical Trading Policy", "Procurement Policy", "Health and Safety Policy", "Diversity and Inclusion Policy",
    "Modern Slavery Policy", "Agency Worker Policy", "Grievance Policy", "Environmental Policy",
)  # fmt: skip
FOCUS = (
    "supplier risk assessment", "training for buyers", "responsible recruitment", "tier 2 supplier mapping",
    "our grievance mechanism", "worker voice", "agency labour", "remediation", "traceability",
    "supplier onboarding", "purchasing practices",
)  # fmt: skip
STRATEGY = (
    "customer focus", "operational excellence", "sustainable growth", "our people", "innovation",
    "digital transformation", "responsible business", "financial discipline", "simplification",
)  # fmt: skip
PURPOSES = (
    "make good food available to everyone", "help our customers live better", "build a more sustainable future",
    "deliver essential services safely and reliably", "create long-term value for our clients",
    "connect people and businesses", "improve lives through education and research",
    "provide outstanding care", "power a cleaner future", "make homes better",
)  # fmt: skip

# --------------------------------------------------------------------------------------------
# Sentence pools
# --------------------------------------------------------------------------------------------
FILLER = (
    "[Our|The Group's] strategy [is built around|focuses on] {strategy} and {strategy}.",
    "[During the year|In {year}] we [continued to invest|invested] in [our digital capabilities|new systems|our "
    "people and infrastructure], [including|with] a new [finance|ordering|HR] system [rolled out|launched] "
    "[across the business|in {int:2-9} countries].",
    "[Revenue|Turnover] [for the year|in {year}] was {revenue}, [and|while] [operating profit|underlying profit] "
    "[rose to|fell to|was broadly flat at] {currency}{int:12-480} million.",
    "[We|The business] [remain|remains] [focused on|committed to] [delivering value for|serving] our "
    "[customers|clients] [while|and] [managing costs carefully|keeping our operations efficient].",
    "[Our|The] [net zero|climate] [target|commitment] [covers|includes] [scope 1 and 2|our own] emissions "
    "[by 2030|by 2035|by 2040], [and|with] a [science-based|validated] target for [scope 3|supply chain] "
    "emissions.",
    "We [cut|reduced] [carbon emissions|energy use] [from our own operations|at our sites] by {pct:4-30} "
    "[compared with|against] [the previous year|our {prev_year} baseline].",
    "[Health and safety|The safety of our people] [remains|is] our [first|highest] priority, and our "
    "[lost-time injury rate|accident rate] [fell|improved] [again|for the third year running] [this year|].",
    "[Our|The] [colleague engagement survey|annual people survey] [had|achieved] a response rate of {pct:60-92}, "
    "[and|with] {pct:60-85} of [respondents|colleagues] said they [would recommend us as a place to work|are "
    "proud to work here].",
    "We [support|partner with] [local charities|community organisations] [near our sites|in the areas where we "
    "operate], and [our colleagues|our people] [volunteered|gave] [around|over] {int:1000-30000} hours "
    "[during the year|in {year}].",
    "[Diversity and inclusion|Inclusion] [is|remains] [central to|an important part of] [our culture|how we work]; "
    "women [now hold|hold] {pct:25-50} of [senior roles|leadership positions].",
    "[We|The Group] [completed|made] {int:1-5} [acquisitions|bolt-on acquisitions] in the year, [adding|which "
    "added] [capabilities|capacity] in {product} and [new markets|new regions].",
    "[Our|The] [customer satisfaction score|Net Promoter Score] [rose|increased] to {int:40-78}, "
    "[reflecting|thanks to] [improvements in|better] [service|availability and delivery times].",
    "[Inflation, higher interest rates and energy costs|A difficult economic environment] [affected|weighed on] "
    "[our customers and suppliers|trading] [throughout the year|for much of the year].",
    "The {board} [meets|met] {int:6-12} times [a year|during the year] and [reviews|oversees] [strategy, "
    "risk and performance|the Group's principal risks].",
    "[Our|The Group's] [apprenticeship|graduate] programme [took on|welcomed] {int:20-400} [new starters|people] "
    "[this year|in {year}].",
    "We [reduced|cut] [waste to landfill|single-use plastic packaging] by {pct:10-60} [over|during] the year.",
    "[All|Most of] our [electricity|power] [now comes|came] from renewable sources[ under long-term "
    "contracts|].",
    "[Our|The] [pension scheme|defined benefit scheme] [remained|was] [in surplus|fully funded] on a "
    "[technical provisions|buy-out] basis.",
    "[Cyber security|Information security] [remained|continued to be] one of our [principal|most significant] "
    "risks, and we [tested|strengthened] our [controls|defences] [during the year|regularly].",
    "[We|The business] [paid|contributed] {currency}{int:5-250} million in [taxes|corporate and employment "
    "taxes] [in|across] the countries where we operate.",
    "[Our values|The values we share] [are|—] [integrity, respect, teamwork and excellence|doing the right "
    "thing, working together and always learning].",
    "[Investment in|Spending on] [our stores|our sites|training and development] [totalled|amounted to] "
    "{currency}{int:3-120} million [this year|in {year}].",
    "[We|The company] [gained|retained] [ISO 9001|ISO 14001|ISO 45001] certification [across|at] "
    "[all|{int:3-30}] [sites|locations].",
    "[Flexible working|Hybrid working] [is available|has been offered] to [most|eligible] [colleagues|employees], "
    "[and|while] [we|the business] [continued|kept] [investing|to invest] in [wellbeing|mental health] support.",
    "[Our|The] [gender pay gap|median gender pay gap] [narrowed|fell] to {pct:3-18}[, and we publish an action "
    "plan each year|].",
    "[Customers|Our customers] [can|are able to] [shop|buy|order] [online, by phone or in person|through our "
    "website and app], [and|with] [next-day|same-day] delivery [is available|is offered] in [most|many] areas.",
    "[We|The Group] [expanded|grew] [into|in] {country} [during the year|in {year}], [opening|with] "
    "[a new office|a new site|{int:2-12} new locations].",
)  # fmt: skip

INTRO = (
    "This statement is made [pursuant to|under|in accordance with] {act_section} of {act} and [sets out|describes] "
    "the steps {company} has taken during the financial year ending {fy_end} to [prevent|address|identify and "
    "mitigate] modern slavery and human trafficking in its [operations and supply chains|business and supply "
    "chains].",
    "It [covers|applies to] {company} and [all of its subsidiaries|its subsidiaries in {home}|the entities "
    "listed in the appendix|every company it owns or controls].",
    "[This is our {nth} statement|This is the {nth} statement we have published|This {nth} statement builds on "
    "the previous ones] [under the Act|since the legislation came into force].",
    "[We|{short}] [has|have] [a zero-tolerance approach|zero tolerance] [to|towards] modern slavery[ in any "
    "form|], and we [expect|ask] the same of [everyone we work with|our suppliers and partners].",
    "[In this statement|Throughout this statement], [\"we\", \"us\" and \"our\"|the terms \"we\" and \"our\"] "
    "refer to {company} and its [subsidiaries|subsidiary undertakings].",
    "Modern slavery [covers|includes] [slavery, servitude, forced or compulsory labour and human trafficking|"
    "forced labour, debt bondage, human trafficking and the worst forms of child labour]; [all of these|each of "
    "them] [involve|involves] [taking away|denying] a person's freedom [for|to obtain] [profit|personal or "
    "commercial gain].",
    "[Since our last statement|Last year] we [focused on|prioritised] {focus} and {focus}, and [this statement|"
    "this report] [describes|sets out] [our progress|what we achieved] and [where we need to do more|the gaps "
    "that remain].",
    "[We recognise|We know] that [no business|no organisation of our size] can [guarantee|be certain] that "
    "[its|their] supply [chains are|chain is] free of modern slavery, [and|so] we [focus on|concentrate on] "
    "[finding and addressing|identifying and reducing] [risk|the highest risks].",
    "[The statement|This report] [was prepared|has been prepared] [with input from|in consultation with] "
    "[our procurement, legal, HR and sustainability teams|the relevant teams across the Group].",
)  # fmt: skip

FOREWORD = (
    "[I am pleased to|I am proud to] [introduce|present] our [{nth}|latest] [modern slavery statement|statement on "
    "modern slavery].",
    "[The past year|{year}] [has been|was] [a challenging one|a year of change] for [our business|the Group], "
    "[but|and] [respect for human rights|our commitment to the people in our supply chains] [has not "
    "changed|remains constant].",
    "[Modern slavery|Forced labour] [is|remains] [one of the most serious human rights abuses|a serious risk for "
    "people] [in global supply chains|in the industries we work in].",
    "[Our colleagues|Our teams] [have worked hard|worked hard] [this year|in {year}] to [strengthen|improve] "
    "[how we assess risk|our due diligence] and to [work more closely|engage more closely] with [our "
    "suppliers|our key suppliers].",
    "[I want to thank|My thanks go to] [our suppliers, partners and colleagues|everyone who contributed to this "
    "work] for [their commitment|their support].",
    "[We know there is more to do|There is still much to do], and [I am committed to|the leadership team is "
    "committed to] [making further progress|keeping this issue high on our agenda] [next year|in {next_year}].",
    "[Our customers|Our clients and investors] [rightly|increasingly] expect [transparency|honesty] about "
    "[the risks in our supply chains|where our products come from].",
)  # fmt: skip

ABOUT = (
    "{company} is {sector_desc} [headquartered|based] in {hq}[, with operations in {n_countries} countries|].",
    "[Founded|Established] in {founded}, [the business|{short}] has grown [into|to become] [one of the largest "
    "businesses of its kind|a leading company in its sector|a well-established name] in {region}.",
    "[We employ|The Group employs|We have] [around|approximately|more than] {employees} [people|colleagues|"
    "employees][, of whom {pct:40-85} work in {home}|].",
    "[Our|The Group's] [revenue|turnover] for the [year|financial year] was {revenue}.",
    "{company} is [listed on the {exchange}|privately owned|owned by its founding family|a wholly owned "
    "subsidiary of {parent}].",
    "The Group is organised into {n_units} [divisions|business units|operating segments]: {units_list}.",
    "[Our head office|Our registered office] is in {hq}, and we [operate|run] {n_sites} {site} [across|in] "
    "{n_countries} countries.",
    "[Our purpose is|Our mission is|We exist] to {purpose}.",
    "[Our|The Group's] [governance|management] structure [is|consists of] [the {board}, supported by an "
    "Executive Committee and specialist committees|a Board, an Executive Committee and divisional leadership "
    "teams].",
    "[Responsibility|Accountability] for [this statement|modern slavery] [sits|rests] with [the {board}|our "
    "Chief Executive], [supported by|with day-to-day management by] [the Chief Procurement Officer|our Head of "
    "Sustainability|the General Counsel|a cross-functional working group].",
    "[Each|Every] [division|business unit] [has|is responsible for] its own [procurement|buying] "
    "[team|function], [working|operating] [within|under] [group policies|common standards] [set centrally|set by "
    "the Group].",
    "[We sell|We provide] {product} and {product} to [customers|clients] in {n_countries} countries.",
)  # fmt: skip

OPERATIONS = (
    "[Most|The large majority] of our [colleagues|employees|people] are [directly employed|employed on permanent "
    "contracts], [and|but] we [also|] [use|engage] [agency workers|temporary workers|contractors] [during "
    "peak periods|for seasonal work|in {site}].",
    "[We pay|All our directly employed colleagues receive] [at least|no less than] [the Real Living Wage|the "
    "national minimum wage|the applicable legal minimum wage][, and we are an accredited Living Wage "
    "Employer|].",
    "[All|Every] [new|prospective] [employees|recruits|starters] [go through|undergo] [right-to-work checks|"
    "identity and right-to-work checks] [before|when] they [start|join], [and|while] [our HR teams|managers] "
    "[are trained to spot|know how to recognise] [signs of exploitation|indicators of modern slavery].",
    "We [use|work with] {int:3-40} [recruitment|labour] agencies, [all of which|each of which] [must|are "
    "required to] [follow|comply with] [our Agency Worker Policy|our standards on fair recruitment].",
    "[We consider|We believe] the risk of modern slavery in our [own operations|direct operations] to be "
    "[low|relatively low|lower than in our supply chain], [because|as] [most of our people are skilled and "
    "directly employed|our workforce is largely professional and directly employed].",
    "[The main exception is|The higher-risk areas are] [agency labour|temporary labour] [in {site}|at peak "
    "times], [where workers may be vulnerable to exploitation by third parties|where workers may have paid fees "
    "to recruiters].",
    "[Our|The] {workforce} are [covered by|represented through] [collective agreements|recognised trade "
    "unions|colleague forums] at {int:2-40} [sites|locations].",
    "[During the year|In {year}] [we|the Group] [employed|took on] [around|about] {int:100-3000} [seasonal|"
    "temporary] workers, {pct:10-60} of them [through agencies|from outside {home}].",
    "[Our|The] {workforce} [work|are based] [at|in] {n_sites} {site}.",
    "[Workers|Colleagues] [recruited|hired] [from overseas|through the seasonal worker scheme] [do not pay|are "
    "never charged] [recruitment fees|fees for their jobs]; [we|the company] [pay|pays] [visa and travel "
    "costs|the costs of recruitment].",
)  # fmt: skip

SUPPLY = (
    "[We work with|We buy from|The Group sources from|We source from] [around|approximately|over] {n_suppliers} "
    "[suppliers|direct suppliers|tier 1 suppliers] in {n_supplier_countries} countries[, with an annual spend "
    "of {spend}|].",
    "[Our|The] [main|principal|largest] [categories of spend|procurement categories] are {category}, {category} "
    "and {category}.",
    "[Most|The majority] of our [spend|direct spend] ({pct:55-90}) is with suppliers in {region}.",
    "{country} [is our largest|remains our second largest|is an important] [sourcing country|source of "
    "products], [accounting for|with] {pct:3-35} of [our|total] [spend|volume] and {int:5-300} "
    "[factories|suppliers|sites].",
    "Beyond tier 1, our supply chains extend to [raw material producers|processors, "
    "mills and farms|component makers and mines], [where visibility is limited|over which we have less direct "
    "influence].",
    "We [publish|disclose] [a list of|the names and addresses of] our [tier 1|tier 1 and tier 2] [factories|"
    "suppliers|production sites] on our website[, updated every six months|, updated twice a year|].",
    "[Many of|Some of] our [suppliers|key suppliers] [have worked with us|have been our partners] for more than "
    "[ten|fifteen|twenty] years[, which gives us leverage to raise standards|].",
    "[Indirect|Goods-not-for-resale] [spend|procurement] [includes|covers] {category}, {category} and "
    "{category}.",
    "[We buy|The business buys] {commodity} [mainly|largely] [through|via] [traders|agents|importers] "
    "[rather than directly from producers|and do not always know the origin].",
    "[Our|The] [procurement team|buying team] [manages|oversees] [about|around] {pct:60-95} of [third-party "
    "spend|our spend] [centrally|through group agreements].",
    "[In {year}|During the year] we [mapped|traced] {pct:20-95} of our [tier 2|second-tier] suppliers "
    "[by spend|by volume][, up from {pct:5-40} the year before|].",
    "[The|Our] {int:10-80} largest suppliers [account for|represent] {pct:40-85} of [spend|our total spend].",
    "[We|Our teams] [consolidated|reduced] our supplier base by {pct:5-25} [over the past three years|since "
    "{prev_year}] to [build deeper relationships|improve oversight].",
)  # fmt: skip

RISKS = (
    "[We assess modern slavery risk by looking at|Our assessment of modern slavery risk considers] [country, sector, "
    "commodity and business model risk|the country, the sector and the type of work], [drawing on|using] "
    "{risk_source} and {risk_source}.",
    "[The production of|Production of] {commodity} [is|has been] [associated with|linked to] [forced labour|"
    "child labour|debt bondage] in [parts of|] {risk_country}, [particularly|especially] [during the harvest|"
    "in informal production|among migrant workers].",
    "[The highest risks|The most salient risks] [we have identified|in our value chain] [are|lie] in "
    "{risk_area} and {risk_area}.",
    "[Migrant workers|Workers who have migrated for work] [are|can be] [especially|particularly] vulnerable "
    "[where|when] they [have paid recruitment fees|owe money to recruiters|do not speak the local language].",
    "[Our assessment|The assessment] [rated|classified] {int:5-200} suppliers as high risk, {int:20-500} as "
    "medium risk and the rest as low risk.",
    "[We review the assessment|The risk assessment is reviewed] [annually|every year|twice a year] and "
    "[whenever|when] we [enter a new market|add a new product category|onboard a significant supplier].",
    "[Low-skilled|Low-paid] [and|or] [temporary|seasonal] [work|labour], [outsourced services|subcontracting] "
    "and [long, complex supply chains|opaque supply chains] [all|each] [increase|raise] the risk.",
    "[Our|The] {category} [category|spend] [carries|has] [an elevated|a higher] risk [because|since] [the work is "
    "low-paid and often subcontracted|workers are often employed through agencies].",
    "[Rising costs|Inflation] and [shorter lead times|last-minute order changes] [can|may] [put pressure on "
    "suppliers|increase pressure on suppliers] [to cut labour costs|to use excessive overtime or unauthorised "
    "subcontractors].",
    "[We also consider|The business also considers] [how our own purchasing practices|whether our buying "
    "decisions] [could|might] [contribute to|cause] [harm|poor working conditions] [in our supply chain|at "
    "suppliers].",
    "[Conflict|Armed conflict] and [economic crisis|political instability] in [some|certain] sourcing "
    "[regions|countries] [heighten|increase] the risk of [exploitation|trafficking].",
)  # fmt: skip
RISK_INDICATORS = (
    "[recruitment fees|fees] [charged to|paid by] workers", "[retention of|withholding] identity documents",
    "[restrictions on|restricted] freedom of movement", "excessive overtime", "[unlawful|unexplained] wage "
    "deductions", "debt bondage", "[threats|intimidation] or violence", "[poor|unsafe] living conditions in "
    "[dormitories|worker accommodation]", "[abuse of vulnerability|deception about terms of employment]",
    "[unauthorised|hidden] subcontracting", "[use of|reliance on] [unregulated|informal] labour providers",
    "[child labour|workers below the legal minimum age]",
)  # fmt: skip

XINJIANG = (
    "[We are aware of|We recognise] [credible reports|extensive evidence|reports] of [state-imposed forced "
    "labour|forced labour] [affecting|of] Uyghur and other [Turkic and] [Muslim|] [minority|] [people|peoples] "
    "in {xuar}.",
    "[{xj_good} from|{xj_good} produced in] {xuar} [is|are] [at high risk of|associated with] [state-imposed "
    "forced labour|forced labour], [and|so] we [do not accept|prohibit] [it|them] in our [products|supply chain].",
    "[We do not|{short} does not] [knowingly|] source [any|] [products|goods|materials] from {xuar}, and we "
    "[require|expect] [our suppliers|all suppliers] to [confirm|declare] [that|the same] [in writing|"
    "annually].",
    "[Our Supplier Code of Conduct|Our sourcing policy] [prohibits|bans] [sourcing from|the use of materials "
    "from] {xuar} [at any tier of our supply chain|at all tiers|across all tiers], [including|and covers] "
    "[raw materials|{xj_good}].",
    "[In {year}|This year] we [commissioned|carried out] {int:20-600} [isotope tests|origin tests|stable isotope "
    "tests] on [{xj_good}|finished products] [with Oritain|through an independent laboratory], [and|which] "
    "[found no evidence of|did not identify] [material from|inputs from] {xuar}[ in {int:90-100}% of "
    "samples|].",
    "[We|Our teams] [screen|check] [suppliers|our supply chain] against the UFLPA Entity List [and|as well as] "
    "[other sanctions lists|the sanctions lists of the UK, EU and US] [every month|each quarter|before "
    "onboarding].",
    "[The|Since the] Uyghur Forced Labor Prevention Act (UFLPA) [came into force in June 2022, goods|presumes "
    "that goods] [made wholly or in part in|linked to] {xuar} [are presumed to be made with forced labour|are "
    "made with forced labour] [unless proven otherwise|and may not enter the United States].",
    "[Where|When] [a supplier|we] [identified|found] [a link|links] to {xuar}, we [ended|exited] the "
    "[relationship|business] [in|during] {year}[ after giving the supplier notice|].",
    "[Traceability|Tracing] [to raw material|to the raw material] [remains|is still] [difficult|a challenge] "
    "for {xj_good}, [because|as] [it|material] [is|can be] [blended|mixed] [with material from other "
    "regions|at spinning and processing stages].",
    "[Reports of|Evidence of] labour transfer programmes [moving|that move] Uyghur workers to factories "
    "[elsewhere in China|in other provinces] [means|mean] that [the risk is not limited to|risk extends beyond] "
    "[facilities|suppliers] located in {xuar}.",
    "[We do not rely on|We no longer rely on] social audits in {xuar}, [because|since] [auditors cannot work "
    "freely there|independent verification is not possible in the region].",
    "[We|Our teams] [mapped|traced] [our|the] {xj_good} supply chain [to|down to] [spinning mill|ginner|"
    "polysilicon producer|raw material] level for {pct:40-100} of [volume|spend] [in {year}|this year].",
    "[All|Each of our] [key|strategic] suppliers [signed|provided] [a declaration|written confirmation] that "
    "[they do not|none of their facilities] [source|sources] from {xuar} or [use|uses] [workers transferred "
    "under government programmes|labour transfer schemes].",
    "[We|The company] [asked|required] {int:10-200} suppliers [of {xj_good}|in higher-risk categories] to "
    "[provide chain-of-custody documents|submit supply chain maps] [down to raw material|back to origin].",
)  # fmt: skip

POLICY = (
    "Our {policy} [sets out|describes|defines] [the standards we expect|our expectations] [of|from] "
    "[suppliers|employees|everyone who works for or with us] [on|in relation to] [human rights, labour "
    "standards and ethics|working conditions, wages and freedom of association].",
    "[It|The policy] [is based on|reflects] [the ETI Base Code|the ILO core conventions|the UN Guiding "
    "Principles on Business and Human Rights] and [the OECD Guidelines for Multinational Enterprises|the "
    "Universal Declaration of Human Rights].",
    "[We review our policies|Our policies are reviewed] [annually|every two years], and the {policy} was "
    "[last updated|updated] in {month} {year}.",
    "[Our|The] {policy} [prohibits|forbids] [forced, bonded and prison labour|forced labour, child labour and "
    "human trafficking] [and|as well as] [the retention of workers' identity documents|charging workers for "
    "their jobs].",
    "We [have adopted|follow|support] the Employer Pays Principle: [no worker should pay for a job|workers "
    "should never pay fees or costs to obtain work], [and|so] the costs of recruitment [must be|are] [borne|paid] "
    "by the employer.",
    "[Every supplier must|All suppliers must|Suppliers are required to] [accept|sign] [our Supplier Code of "
    "Conduct|the Code] [before|as a condition of] [doing business with us|onboarding], and [our|the] "
    "[standard contract terms|purchase terms] [include|contain] [modern slavery clauses|a right to audit "
    "and to terminate].",
    "[Our|The] {policy} [is available|is published] [on our website|on our intranet|in {int:5-30} languages].",
    "[Breaches|Serious breaches] of [the Code|our policies] [may|can] lead to [disciplinary action|termination of "
    "the relationship], [although|but] our [first|preferred] [response|approach] is to [work with the supplier|"
    "remediate].",
    "[The|Our] {board} [approved|endorsed] [a new|an updated] {policy} [in {year}|this year].",
    "[These policies|Our policies] [apply to|cover] [all employees, contractors and agency workers|everyone "
    "working on our behalf], [and|as well as] [joint ventures where we have control|our subsidiaries].",
)  # fmt: skip

DUE_DILIGENCE = (
    "[New suppliers|All new suppliers] [are screened|go through screening] [for|against] [modern slavery "
    "risk|human rights and sanctions risk] [before|during] onboarding, [using|through] [a risk questionnaire|"
    "our supplier portal|Sedex|EcoVadis].",
    "[We use|We rely on] [Sedex|EcoVadis|a third-party risk platform] to [collect|gather] [self-assessment "
    "questionnaires|supplier data] and [audit reports|ratings] from [our suppliers|{int:50-2000} suppliers].",
    "[Our|The] due diligence [follows|is based on] the [OECD Due Diligence Guidance for Responsible Business "
    "Conduct|UN Guiding Principles]: [identify|we identify] [risks|and assess risks], [act|take action] [on "
    "them|to prevent them], [track|monitor] [results|effectiveness] and [communicate|report] [publicly|how we "
    "address them].",
    "[Suppliers rated high risk|High-risk suppliers] [receive|are subject to] [enhanced due diligence|further "
    "checks], [including|such as] [site visits|audits|worker interviews] and [corrective action plans|"
    "follow-up meetings].",
    "[In {year}|During the year] {int:20-800} suppliers [completed|returned] our [self-assessment questionnaire|"
    "modern slavery questionnaire], [a response rate of|representing] {pct:45-95}.",
    "[We are a member of|We work with|We joined] {initiative} [and|as well as] {initiative}[, which helps us "
    "share information and act with others|].",
    "[Our|The] [buyers|procurement team] [consider|take into account] [labour standards|ethical performance] "
    "[alongside|as well as] [price, quality and delivery|cost and quality] when [choosing|selecting] "
    "[suppliers|new factories].",
    "[We|Our sourcing teams] [visited|made visits to] {int:10-300} [supplier sites|factories] [in|during] "
    "{year}[, many of them unannounced|].",
    "[Worker voice|Worker survey] [tools|programmes] [reached|covered] [around|about] {int:1000-60000} workers "
    "at {int:5-120} [sites|factories] [in {country} and {country}|in our main sourcing countries].",
    "We [extended|expanded] [our|] due diligence [to|into] [tier 2|second-tier suppliers] [for|in] "
    "{category}[ and {category}|].",
    "[Where|If] [a supplier|suppliers] [refuses|refuse] to [engage|cooperate] [with our due diligence|or share "
    "information], we [do not place new orders|may end the relationship].",
    "[Our responsible purchasing|Our purchasing practices] [work|review] [looked at|examined] [lead times, payment "
    "terms and forecasting|how our orders affect suppliers' ability to plan production].",
    "[We have|There is] a [dedicated|small] [ethical trade|responsible sourcing] team of {int:2-30} people "
    "[based in|across] {hq} and [our sourcing offices|{country}].",
)  # fmt: skip

AUDITS = (
    "[In {year}|During the year] [we|our suppliers] [completed|commissioned] {n_audits} {audit_scheme} audits"
    "[, {pct:10-60} of them unannounced or semi-announced|].",
    "The most common [findings|non-compliances] [related to|concerned] [working hours|excessive overtime], "
    "[health and safety|fire safety], [wages and benefits|payment of overtime] and [documentation|worker "
    "contracts].",
    "[We found|Audits identified] {int:0-12} [cases|instances] [with|showing] [indicators of forced labour|"
    "modern slavery indicators], [mostly|mainly] [related to|concerning] [recruitment fees|the retention of "
    "passports].",
    "[Every|Each] [non-conformance|finding] [leads to|results in] a corrective action plan [with agreed "
    "deadlines|with a deadline], and [we|our auditors] [check|verify] [that actions are closed|closure] "
    "[through|by] [follow-up audits|desk reviews|revisits].",
    "[We recognise|We know] that [social audits|audits] [have limitations|are not enough on their own]: they "
    "[can miss|may not detect] [hidden risks|forced labour and recruitment abuses] and [are a snapshot|give only "
    "a snapshot] [in time|of one day].",
    "[We therefore use|Our team also uses|We combine audits with] [worker interviews|worker surveys|grievance data] "
    "[held|conducted] [away from|outside] the [workplace|factory][ and in workers' own languages|].",
    "{pct:60-97} of [corrective actions|non-conformances] [raised|found] [in {year}|during the year] were "
    "[closed|resolved] [by the year end|within the agreed time].",
    "[We|Our audit programme] [covered|reached] {pct:30-95} of [our tier 1 production sites|high-risk "
    "suppliers] [in|during] {year}.",
    "[Zero-tolerance|Critical] [issues|findings], [such as|including] [child labour|forced labour] [or|and] "
    "[bribery of auditors|falsified records], [are escalated|must be escalated] to [the Ethical Trade "
    "Director|senior management] within {int:24-72} hours.",
)  # fmt: skip

TRAINING = (
    "[All new|Every new] [employees|colleagues] complete [modern slavery awareness|human rights] training "
    "[as part of their induction|when they join].",
    "[In {year}|This year], {int:30-4000} [colleagues|employees|buyers and managers] [completed|took] "
    "[training on modern slavery|our modern slavery e-learning module], [a completion rate of|or] {pct:70-99} of "
    "[those|the people] [required to|asked to] [take it|complete it].",
    "[Our|The] [buying|procurement] [teams|team] [received|attended] [face-to-face|in-depth] training [delivered "
    "by|with] [Stronger Together|an external specialist|an NGO partner] on [recognising|identifying] [signs of "
    "forced labour|indicators of exploitation].",
    "[We|Our teams] [trained|ran training for] {int:20-400} suppliers [in|across] {country} and {country} "
    "[on responsible recruitment|on worker rights and grievance handling].",
    "[Site managers|Store and site managers] [learn|are taught] [how to|to] [spot|recognise] the signs of "
    "modern slavery [and|and know] [what to do|how to report concerns].",
    "[Training|The training] is [refreshed|repeated] every [two|three] years, and [completion is|completion rates "
    "are] [reported to|tracked by] [the Executive Committee|the {board}].",
    "[Board members|Directors] [received|attended] a [briefing|session] on [modern slavery|human rights due "
    "diligence] [in {month} {year}|during the year].",
)  # fmt: skip

GRIEVANCE = (
    "Our [whistleblowing|Speak Up|confidential reporting] [hotline|line|service] is [run by an independent "
    "provider|available 24 hours a day] in {int:5-40} languages [and|, and it] [is open to|can be used by] "
    "[employees, contractors, suppliers' workers and the public|anyone, including workers in our supply chain].",
    "[In the year|During {year}], [we received|the line received] {int:3-120} reports, of which {int:0-5} "
    "[related to|concerned] [modern slavery or labour rights|possible forced labour].",
    "[All|Every] [report|concern] is [investigated|reviewed] [confidentially|in confidence], and [we do not "
    "tolerate|we protect people from] [retaliation|reprisals] against [anyone who raises a concern in good "
    "faith|those who speak up].",
    "[Workers|People] [can|may] also [contact|call] the Modern Slavery [and Exploitation] Helpline[, whose details "
    "are displayed at our sites|].",
    "[We|Our teams] [require|expect] [suppliers|high-risk suppliers] to [operate|have] [their own|effective] "
    "grievance mechanisms, and [we|our auditors] [check|test] [how well they work|them] [during audits|in worker "
    "interviews].",
    "[Reports|Concerns] [are logged|are recorded] [and tracked|] [to closure|until they are resolved], "
    "[and|with] [themes|a summary] [reported|shared] [to the Audit Committee|with the {board}] "
    "[every quarter|twice a year].",
)  # fmt: skip

REMEDIATION = (
    "[Where|If] we [find|identify] [evidence|indicators] of modern slavery, [our priority is|we prioritise] the "
    "[safety and wellbeing|welfare] of the [affected workers|people concerned].",
    "[We work|We would work] with the supplier[, and where appropriate with NGOs and the authorities,|] to "
    "[remediate|put things right], [including|which may include] [repaying recruitment fees|repayment of fees], "
    "[returning documents|returning identity documents] and [improving|changing] [management systems|practices].",
    "[Ending|Terminating] a relationship [is a last resort|is our last resort], [because|as] [it can leave "
    "workers worse off|leaving may harm the workers we want to help].",
    "[In {year}|During the year], {int:10-900} workers at {int:1-9} [supplier sites|factories] [received|were "
    "repaid] [recruitment fees|fees] [totalling|worth] {currency}{int:10-900},000.",
    "[We have|We developed] a [remediation procedure|modern slavery response plan] [that sets out|setting out] "
    "[roles, timescales and escalation|who does what and by when].",
    "[One|A] [case|concern] [raised|reported] [through our hotline|by a worker] [in {year}|this year] "
    "[involved|concerned] [agency workers|migrant workers] at {a_site} in {country}; [the agency|the "
    "supplier] [reimbursed|repaid] [the fees|wage deductions] and [we|the business] [changed|reviewed] "
    "[agency|supplier].",
)  # fmt: skip

KPI = (
    "We [measure|track] the effectiveness of our [actions|approach] [using|through] [the following|a set of] "
    "[indicators|key performance indicators][, reported to the {board}|].",
    "[Progress|Performance] against [these|our] [indicators|KPIs] [is reviewed|is reported] [every quarter|twice "
    "a year] by [the Executive Committee|the {board}|the Sustainability Committee].",
    "[We recognise|We acknowledge] that [measuring effectiveness|measuring impact] [is difficult|remains "
    "difficult], and [we are working to|we plan to] [move from|shift from] [activity measures|counting "
    "activities] [to|towards] [outcome measures|outcomes for workers].",
    "[Most|Several] [indicators|measures] [improved|moved in the right direction] [in {year}|this year], "
    "[although|but] [supplier questionnaire response rates fell|training completion was lower] [in some "
    "categories|in one division].",
)  # fmt: skip

NEXT = (
    "[extend|expand] [risk mapping|supplier mapping] to [tier 2|all tier 2 suppliers] [in|for] {category}",
    "[train all buyers|deliver training to every buyer] [on responsible purchasing|on modern slavery]",
    "[introduce|launch] [worker voice surveys|a worker voice tool] at [{int:5-60} more|our highest-risk] "
    "[factories|sites]",
    "[review|update] our {policy}",
    "[publish|disclose] [our tier 2 supplier list|a list of our tier 2 suppliers]",
    "[carry out|commission] [a human rights impact assessment|an assessment] [in|of] {risk_area}",
    "[improve|strengthen] [how we measure effectiveness|our KPIs]",
    "[join|work with] {initiative}",
    "[map|trace] {commodity} [to origin|back to raw material]",
    "[embed|include] [modern slavery clauses|human rights clauses] in [all new contracts|every new supplier "
    "contract]",
)  # fmt: skip

SUBHEADINGS = {
    "about": ("Our structure", "Governance", "Our business model", "Our people", "Where we operate", "Key facts"),
    "operations": ("Our workforce", "Recruitment", "Agency and temporary labour", "Our sites", "Wages"),
    "supply": ("Our suppliers", "Where we source from", "Indirect procurement", "Supply chain mapping",
               "Tier 2 and beyond", "Raw materials"),
    "risks": ("How we assess risk", "High-risk categories", "Risk indicators", "Country risk", "Commodity risk",
              "Own operations"),
    "xinjiang": ("Our position", "Traceability", "Screening and sanctions", "Supplier declarations"),
    "policies": ("Our policies", "Supplier Code of Conduct", "Responsible recruitment", "Contract terms"),
    "dd": ("Supplier onboarding", "Risk-based monitoring", "Working with others", "Purchasing practices",
           "Worker voice"),
    "audits": ("Audit programme", "What the audits found", "Limits of audits", "Corrective actions"),
    "training": ("Colleague training", "Supplier capability building", "Board awareness"),
    "grievance": ("Speak Up", "Supply chain grievances", "Investigations"),
    "remediation": ("Our approach to remediation", "Case study"),
    "kpis": ("Measuring effectiveness", "Our indicators"),
    "filler": ("Our people", "Environment", "Communities", "Health and safety", "Customers", "Innovation"),
}  # fmt: skip

HEADINGS = {
    "intro": ("Introduction", "About this statement", "Scope of this statement", "Purpose of this statement"),
    "foreword": ("A message from our Chief Executive", "Foreword", "CEO statement", "Letter from the Chair"),
    "about": ("About us", "Our business", "Organisational structure", "Who we are", "Our structure, business "
              "and supply chains"),
    "operations": ("Our operations", "Our own operations", "Our workforce", "Operations and people"),
    "supply": ("Our supply chains", "Supply chain", "Our suppliers", "Procurement and supply chains"),
    "risks": ("Modern slavery risks", "Risk assessment", "Understanding our risks", "Where the risks are",
              "Identifying and assessing risk"),
    "xinjiang": ("The Xinjiang Uyghur Autonomous Region", "Forced labour in the Uyghur Region", "Uyghur forced "
                 "labour", "State-imposed forced labour"),
    "policies": ("Our policies", "Policies and governance", "Policy framework", "Relevant policies"),
    "dd": ("Due diligence", "Our due diligence processes", "Due diligence in our supply chain", "Actions taken "
           "to assess and address risk"),
    "audits": ("Audits and monitoring", "Supplier audits", "Monitoring and verification"),
    "training": ("Training and capacity building", "Training", "Awareness and training"),
    "grievance": ("Grievance mechanisms", "Whistleblowing", "Speaking up", "Reporting concerns"),
    "remediation": ("Remediation", "Responding to cases", "Remedy"),
    "kpis": ("Measuring effectiveness", "Key performance indicators", "Assessing effectiveness",
             "How we measure progress"),
    "next": ("Next steps", "Looking ahead", "Our priorities for next year", "Commitments for {next_year}"),
    "approval": ("Approval", "Approval and signature", "Board approval", "Statement approval"),
    "consultation": ("Consultation with owned and controlled entities", "Consultation"),
    "filler": ("Our people", "Environment and climate", "Community investment", "Health, safety and wellbeing",
               "Responsible business", "Our performance this year"),
    "case": ("Case study: {case_topic}",),
    "appendix_entities": ("Appendix: reporting entities", "Appendix A: entities covered by this statement"),
    "appendix_index": ("Appendix: mandatory criteria index", "Index to reporting criteria"),
}  # fmt: skip

CASE_TOPICS = (
    "recruitment fees in {country}", "agency labour at {a_site}", "working hours at a supplier in {country}",
    "worker voice in {country}", "mapping {commodity} to origin", "a supplier exit", "training suppliers in "
    "{country}", "responding to a hotline report",
)  # fmt: skip
CASE = (
    "[In {month} {year}|Early in {year}], [a routine audit|a worker interview|a report to our hotline] "
    "[at|concerning] {a_site} in {country} [found|suggested] that {int:8-160} [migrant|agency] workers "
    "had [paid recruitment fees|had wages deducted] [to|by] [labour agents|a labour provider].",
    "[We|Our team] [met|spoke with] the [supplier|site management] [within a week|straight away] and "
    "[agreed|drew up] a remediation plan [with|supported by] [an NGO partner|a local expert].",
    "[The supplier|The site] [repaid|reimbursed] [an average of|around] {currency}{int:200-1500} per worker "
    "[over|within] {int:2-6} months, and [we|an independent organisation] [verified|confirmed] the payments "
    "[through|with] [worker interviews|bank records].",
    "[The|Our] [supplier|partner] [also|then] [changed|replaced] [its|the] [labour provider|recruitment agent] and "
    "[introduced|adopted] [an Employer Pays policy|a written recruitment procedure].",
    "[We continue to|We still] [work with|buy from] the supplier, [and|and we] [will|plan to] [revisit|re-audit] "
    "the site [in {next_year}|next year].",
    "[The case|This case] [showed|taught us] [that|how] [fees can be charged|risks can arise] [before workers "
    "even arrive|in the home country of workers], [which|and this] [led us to|prompted us to] [add|include] "
    "[recruitment questions|pre-departure checks] [to|in] our [audits|questionnaire].",
)  # fmt: skip

APPROVAL = {
    "GB": (
        "This statement was approved by the {board} of {company} on {approval_date}[ and is signed on its behalf "
        "by|, and signed by]:",
    ),
    "AU": (
        "This statement was [prepared|made] [in accordance with|to meet the mandatory reporting criteria in] "
        "{act_section} of {act} and was approved by the {board} of {company}, [in its capacity as the principal "
        "governing body|as the principal governing body of the reporting entity], on {approval_date}.",
        "[We consulted|{company} consulted] [each|every] [reporting entity|owned and controlled entity] "
        "[covered by this statement|in the Group] [through|via] [its directors and management|the Group "
        "Modern Slavery Working Group] [in preparing|during the preparation of] this statement.",
    ),
    "CA": (
        "[This report|The report] was approved [by the {board}|pursuant to paragraph 11(4)(a) of the Act by the "
        "{board}] of {company} on {approval_date}.",
        "[In accordance with|As required by] the Act, [I attest that I have reviewed|I confirm that I have "
        "reviewed] the information [in this report|contained in the report] [and that, based on my knowledge|"
        "and that, having exercised reasonable diligence], [it is true, accurate and complete|the information is "
        "true, accurate and complete in all material respects] [for the purposes of the Act|for the reporting year "
        "listed above].",
        "[I have the authority to bind|I have authority to bind] {company}.",
    ),
    "US": (
        "[This disclosure|This statement] [was reviewed and approved|was approved] by [the {board}|the Chief "
        "Executive Officer] [of {company}|] on {approval_date}.",
    ),
}
CONSULT = (
    "[Each|Every] [reporting entity|owned or controlled entity] [covered by this statement|in the Group] "
    "[shares|uses] the [same|common] [policies, procurement systems and governance|group policies and systems].",
    "[Senior managers|Directors] of [each entity|the subsidiaries] [reviewed|were asked to review] [a draft of this "
    "statement|the draft statement] [and provided comments|before it was approved].",
    "[The Group Modern Slavery Working Group|Our working group] [includes|brings together] [representatives|"
    "people] from [each|every] [entity|business unit] and [meets|met] {int:3-12} times [a year|during the year].",
)  # fmt: skip
ROLES = ("Chief Executive Officer", "Chair", "Managing Director", "Group Chief Executive", "Director",
         "Chief Operating Officer", "President and Chief Executive Officer", "Vice-Chancellor")  # fmt: skip
KPI_ROWS = (
    ("Suppliers screened for modern slavery risk", "pct"), ("High-risk suppliers audited", "pct"),
    ("Colleagues trained on modern slavery", "int"), ("Buyers trained", "pct"),
    ("Corrective actions closed on time", "pct"), ("Supplier questionnaires completed", "int"),
    ("Grievances received (modern slavery)", "small"), ("Tier 2 suppliers mapped", "pct"),
    ("Workers reached by worker voice surveys", "int"), ("Suppliers signed up to Supplier Code", "pct"),
    ("Unannounced audits", "pct"), ("Recruitment fees repaid to workers", "money"),
    ("Sites with worker committees", "int"), ("Suppliers exited for labour issues", "small"),
    ("Spend covered by risk assessment", "pct"), ("Agency suppliers audited", "int"),
)  # fmt: skip
AUDIT_ROWS = (
    "Working hours", "Health and safety", "Wages and benefits", "Documentation and contracts",
    "Freedom of association", "Forced labour indicators", "Child labour", "Discrimination", "Environment",
    "Management systems", "Subcontracting", "Dormitories and accommodation",
)  # fmt: skip


# --------------------------------------------------------------------------------------------
# Template expansion
# --------------------------------------------------------------------------------------------
_ALT = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{([a-z_0-9]+)(?::(\d+)-(\d+))?\}")
_SPACES = re.compile(r" {2,}")
_SPACE_PUNCT = re.compile(r" +([,.;:])")


class Writer:
    """Expands templates against a document context, drawing sentences from decks without early repeats."""

    def __init__(self, rng: random.Random, ctx: dict[str, object]) -> None:
        self.rng = rng
        self.ctx = ctx
        self._decks: dict[int, list[str]] = {}
        self._used: set[str] = set()

    def expand(self, template: str) -> str:
        """Expand alternatives, then slots; tidy spacing and capitalise the first letter."""
        text = template
        while True:
            new = _ALT.sub(lambda m: self.rng.choice(m.group(1).split("|")), text)
            if new == text:
                break
            text = new
        self._used = set()
        text = _SLOT.sub(self._slot, text)
        text = _SPACE_PUNCT.sub(r"\1", _SPACES.sub(" ", text)).strip()
        return text[:1].upper() + text[1:]

    def _slot(self, match: re.Match[str]) -> str:
        name, lo, hi = match.group(1), match.group(2), match.group(3)
        if name == "int":
            return f"{self.rng.randint(int(lo), int(hi)):,}"
        if name == "pct":
            return f"{self.rng.randint(int(lo), int(hi))}%"
        value = self.ctx[name]
        if callable(value):
            value = value()
        if isinstance(value, list | tuple):
            # The same list slot twice in a sentence ("{country} and {country}") gets two different values.
            choice = self.rng.choice(value)
            for _ in range(4):
                if str(choice) not in self._used:
                    break
                choice = self.rng.choice(value)
            value = choice
        self._used.add(str(value))
        return str(value)

    def draw(self, pool: Sequence[str]) -> str:
        """Return the next template of ``pool``: each pool is dealt as a shuffled deck, reshuffled when empty."""
        deck = self._decks.get(id(pool))
        if not deck:
            deck = list(pool)
            self.rng.shuffle(deck)
            self._decks[id(pool)] = deck
        return deck.pop()

    def sentence(self, pool: Sequence[str]) -> str:
        """One expanded sentence from ``pool``."""
        return self.expand(self.draw(pool))


# --------------------------------------------------------------------------------------------
# Statement generator
# --------------------------------------------------------------------------------------------
#: Section order and share of the word budget.
SECTION_WEIGHTS = (
    ("intro", 0.04), ("about", 0.12), ("operations", 0.08), ("supply", 0.11), ("risks", 0.11),
    ("xinjiang", 0.05), ("policies", 0.08), ("dd", 0.10), ("audits", 0.07), ("training", 0.05),
    ("grievance", 0.05), ("remediation", 0.04), ("kpis", 0.05), ("next", 0.03),
)  # fmt: skip
POOLS: dict[str, tuple[str, ...]] = {
    "intro": INTRO[1:], "about": ABOUT, "operations": OPERATIONS, "supply": SUPPLY, "risks": RISKS,
    "xinjiang": XINJIANG, "policies": POLICY, "dd": DUE_DILIGENCE, "audits": AUDITS, "training": TRAINING,
    "grievance": GRIEVANCE, "remediation": REMEDIATION, "kpis": KPI, "filler": FILLER, "foreword": FOREWORD,
    "case": CASE, "consult": CONSULT,
}  # fmt: skip
#: Share of sentences in a section's paragraphs that come from the section's own pool (the rest is filler).
TOPICAL = {
    "about": 0.45, "operations": 0.65, "intro": 0.85, "foreword": 0.6, "filler": 1.0, "case": 1.0, "consult": 1.0,
}  # fmt: skip
ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def singular(noun: str) -> str:
    """Return the singular of a plural site noun (``factories`` -> ``factory``, ``branches`` -> ``branch``)."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "sses", "xes", "campuses")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") else noun


def _choose_weighted(rng: random.Random, weights: dict[str, float]) -> str:
    keys = sorted(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def make_context(rng: random.Random, sector: Sector, jur: Jurisdiction, year: int) -> dict[str, object]:
    """Build the slot values of one statement (company, numbers, places) and return them."""
    root = rng.choice(NAME_ROOTS)
    if sector.key == "education":
        place = rng.choice(NAME_ROOTS)
        short = f"University of {place}" if rng.random() < 0.7 else f"{place} University"
        company = short
    elif sector.key == "health" and jur.code == "GB" and rng.random() < 0.5:
        short = f"{root} and {rng.choice(NAME_ROOTS)}"
        company = f"{short} NHS Foundation Trust"
    else:
        short = f"{root} {rng.choice(sector.name_words)}"
        company = f"{short} {rng.choice(jur.legal_forms)}"
    employees = int(math.exp(rng.uniform(math.log(250), math.log(90000))))
    employees = round(employees, -1 if employees < 1000 else -2)
    fy_month = rng.choice(("December", "March", "June", "September", "January"))
    fy_day = {"December": 31, "March": 31, "June": 30, "September": 30, "January": 28}[fy_month]
    fy_label = str(year) if fy_month in ("December", "January") else f"{year - 1}/{str(year)[2:]}"
    n_units = rng.randint(2, min(4, len(sector.units)))
    units = rng.sample(sector.units, n_units)
    sourcing = rng.sample(sector.countries, min(len(sector.countries), rng.randint(5, 10)))
    revenue_m = int(math.exp(rng.uniform(math.log(40), math.log(30000))))
    revenue = (f"{jur.currency}{revenue_m / 1000:.1f} billion" if revenue_m >= 1000
               else f"{jur.currency}{revenue_m} million")  # fmt: skip
    sig_first, sig_last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    approval = f"{rng.randint(1, 28)} {rng.choice(MONTHS[1:9])} {year + 1 if fy_month != 'January' else year}"
    ctx: dict[str, object] = {
        "company": company,
        "short": short,
        "sector_desc": sector.desc,
        "act": jur.act,
        "act_section": jur.section,
        "board": jur.board,
        "home": jur.home,
        "region": jur.region,
        "exchange": jur.exchange,
        "currency": jur.currency,
        "hq": rng.choice(jur.cities),
        "year": year,
        "prev_year": year - 1,
        "next_year": year + 1,
        "fy_end": f"{fy_day} {fy_month} {year}",
        "fy_label": fy_label,
        "nth": rng.choice(ORDINALS),
        "founded": rng.randint(1850, 2012),
        "employees": f"{employees:,}",
        "n_countries": rng.randint(1, 60),
        "revenue": revenue,
        "parent": f"{rng.choice(NAME_ROOTS)} Holdings {rng.choice(('Limited', 'Inc.', 'AG', 'SA', 'NV'))}",
        "n_units": ("two", "three", "four")[n_units - 2],
        "units_list": ", ".join(u for u, _ in units[:-1]) + f" and {units[-1][0]}",
        "unit_pairs": units,
        "n_sites": rng.randint(3, 900),
        "site": sector.sites,
        "a_site": [("an " if s[0] in "aeiou" else "a ") + singular(s) for s in sector.sites],
        "purpose": PURPOSES,
        "strategy": STRATEGY,
        "product": sector.products,
        "category": sector.categories,
        "commodity": sector.commodities,
        "country": sourcing,
        "risk_country": sourcing,
        "risk_area": sector.risk_areas,
        "workforce": sector.workforce,
        "n_suppliers": f"{rng.randint(80, 12000):,}",
        "n_supplier_countries": rng.randint(5, 70),
        "spend": f"{jur.currency}{rng.randint(20, 900)} million",
        "risk_source": RISK_SOURCES,
        "initiative": INITIATIVES,
        "audit_scheme": AUDIT_SCHEMES,
        "n_audits": rng.randint(12, 1400),
        "policy": POLICIES,
        "focus": FOCUS,
        "month": MONTHS,
        "xuar": REGIONS["xuar"],
        "xj_good": sector.xj_goods,
        "approval_date": approval,
        "signatory": f"{sig_first} {sig_last}",
        "role": "Vice-Chancellor" if sector.key == "education" else rng.choice(ROLES[:7]),
        "sourcing": sourcing,
    }
    ctx["case_topic"] = lambda: Writer(rng, ctx).expand(rng.choice(CASE_TOPICS))
    return ctx


class StatementBuilder:
    """Fills a statement's sections up to a word budget."""

    def __init__(self, rng: random.Random, ctx: dict[str, object], sector: Sector, jur: Jurisdiction) -> None:
        self.rng = rng
        self.ctx = ctx
        self.sector = sector
        self.jur = jur
        self.w = Writer(rng, ctx)
        self.blocks: list[Block] = []
        self.filler_pool = FILLER + sector.business

    # -- helpers -------------------------------------------------------------------------------
    def heading(self, key: str, level: int = 1) -> None:
        table = HEADINGS if level == 1 else SUBHEADINGS
        self.blocks.append(Heading(self.w.expand(self.rng.choice(table[key])), level))

    def paragraph(self, key: str) -> int:
        topical = TOPICAL.get(key, 0.8)
        n = self.rng.choices((1, 2, 3, 4, 5, 6), weights=(1, 3, 5, 5, 3, 1))[0]
        sentences = []
        for _ in range(n):
            pool = POOLS[key] if self.rng.random() < topical else self.filler_pool
            if key == "operations" and pool is POOLS[key] and self.rng.random() < 0.25:
                unit, desc = self.rng.choice(self.ctx["unit_pairs"])  # type: ignore[arg-type]
                sentences.append(self.w.expand(f"[Our|The] {unit} [division|business] {desc}."))
                continue
            sentences.append(self.w.sentence(pool))
        text = " ".join(dict.fromkeys(sentences))
        self.blocks.append(Para(text))
        return len(text.split())

    def bullets(self, items: list[str]) -> int:
        self.blocks.append(Bullets(tuple(items)))
        return sum(len(i.split()) for i in items)

    def table(self, rows: list[tuple[str, ...]]) -> int:
        self.blocks.append(Table(tuple(rows)))
        return sum(len(c.split()) for r in rows for c in r)

    # -- tables --------------------------------------------------------------------------------
    def supplier_table(self) -> int:
        rng = self.rng
        countries = list(self.ctx["sourcing"])  # type: ignore[arg-type]
        shares = sorted((rng.random() ** 2 for _ in countries), reverse=True)
        total = sum(shares)
        risk = ("Low", "Medium", "High", "Very high")
        rows: list[tuple[str, ...]] = [("Country", "Suppliers", "Sites", "Share of spend", "Risk rating")]
        for country, share in zip(countries, shares, strict=True):
            rows.append((country, str(rng.randint(2, 400)), str(rng.randint(2, 900)), f"{100 * share / total:.1f}%",
                         rng.choice(risk)))  # fmt: skip
        return self.table(rows)

    def kpi_table(self) -> int:
        rng, year = self.rng, self.ctx["year"]
        rows: list[tuple[str, ...]] = [("Indicator", str(year - 1), str(year), "Target")]  # type: ignore[operator]
        for label, kind in rng.sample(KPI_ROWS, rng.randint(5, 10)):
            if kind == "pct":
                a, b = rng.randint(20, 95), rng.randint(30, 100)
                vals = (f"{a}%", f"{b}%", f"{min(100, max(a, b) + rng.randint(0, 10))}%")
            elif kind == "int":
                a = rng.randint(20, 5000)
                vals = (f"{a:,}", f"{int(a * rng.uniform(0.8, 1.6)):,}", f"{int(a * 1.8):,}")
            elif kind == "small":
                vals = (str(rng.randint(0, 9)), str(rng.randint(0, 9)), "n/a")
            else:
                cur = self.jur.currency
                vals = (f"{cur}{rng.randint(0, 400)}k", f"{cur}{rng.randint(10, 900)}k", "n/a")
            rows.append((label, *vals))
        return self.table(rows)

    def audit_table(self) -> int:
        rng = self.rng
        rows: list[tuple[str, ...]] = [("Finding category", "Non-conformances", "Closed", "Open")]
        for label in rng.sample(AUDIT_ROWS, rng.randint(5, 10)):
            n = rng.randint(0, 400)
            closed = rng.randint(int(n * 0.5), n) if n else 0
            rows.append((label, str(n), str(closed), str(n - closed)))
        return self.table(rows)

    def training_table(self) -> int:
        rng = self.rng
        rows: list[tuple[str, ...]] = [("Audience", "Format", "People trained", "Completion")]
        audiences = ("All colleagues", "Buyers and merchandisers", "Site managers", "HR and recruitment teams",
                     "Suppliers", "Executive Committee", "Board", "Agency partners")  # fmt: skip
        for aud in rng.sample(audiences, rng.randint(3, 7)):
            fmt = rng.choice(("E-learning", "Workshop", "Face-to-face", "Briefing", "Webinar"))
            rows.append((aud, fmt, f"{rng.randint(5, 9000):,}", f"{rng.randint(55, 100)}%"))
        return self.table(rows)

    def facts_table(self) -> int:
        rng, c = self.rng, self.ctx
        rows: list[tuple[str, ...]] = [("Key facts", str(c["fy_label"]))]
        body = [("Employees", str(c["employees"])), ("Revenue", str(c["revenue"])),
                ("Countries of operation", str(c["n_countries"])), ("Direct suppliers", str(c["n_suppliers"])),
                ("Sourcing countries", str(c["n_supplier_countries"])), ("Sites", str(c["n_sites"]))]  # fmt: skip
        rng.shuffle(body)
        return self.table(rows + body[: rng.randint(3, len(body))])

    def risk_table(self) -> int:
        rng = self.rng
        rows: list[tuple[str, ...]] = [("Category", "Inherent risk", "Main risk factors")]
        for cat in rng.sample(self.sector.categories, min(len(self.sector.categories), rng.randint(4, 7))):
            factors = "; ".join(self.w.expand(f) for f in rng.sample(RISK_INDICATORS, 2))
            rows.append((cat[:1].upper() + cat[1:], rng.choice(("Low", "Medium", "High")), factors))
        return self.table(rows)

    TABLES: ClassVar[dict[str, str]] = {
        "supply": "supplier_table", "kpis": "kpi_table", "audits": "audit_table", "training": "training_table",
        "about": "facts_table", "risks": "risk_table",
    }  # fmt: skip

    # -- sections ------------------------------------------------------------------------------
    def section(self, key: str, budget: int, level_one: bool = True) -> int:
        """Write one section of about ``budget`` words; return the words written."""
        if level_one:
            self.heading(key)
        words = 0
        since_sub = 0
        tables_done = 0
        lists_done = 0
        while words < budget:
            r = self.rng.random()
            if (budget > 650 and since_sub > 280 and key in SUBHEADINGS and r < 0.35
                    and budget - words > 150):  # fmt: skip
                self.heading(key, 2)
                since_sub = 0
                continue
            if key in self.TABLES and tables_done < 1 + budget // 1500 and r < 0.12 + 0.05 * (words == 0):
                n = getattr(self, self.TABLES[key])()
                tables_done += 1
            elif key == "risks" and r < 0.2 and not lists_done:
                lists_done += 1
                intro = self.w.expand("[Indicators|Signs] of modern slavery [we look for|that we monitor] include:")
                self.blocks.append(Para(intro))
                items = [self.w.expand(i) for i in self.rng.sample(RISK_INDICATORS, self.rng.randint(4, 8))]
                n = len(intro.split()) + self.bullets([i[:1].upper() + i[1:] + ";" for i in items])
            elif key in ("policies", "dd", "audits", "training", "xinjiang", "supply") and r < 0.18:
                pool = POOLS[key]
                items = [self.w.sentence(pool) for _ in range(self.rng.randint(3, 6))]
                n = self.bullets(list(dict.fromkeys(items)))
            elif key == "policies" and r < 0.26 and not lists_done:
                lists_done += 1
                names = self.rng.sample(POLICIES, self.rng.randint(4, 9))
                lead = self.w.expand("[Our key policies|The policies most relevant to modern slavery] [are|include]:")
                self.blocks.append(Para(lead))
                n = len(lead.split()) + self.bullets(names)
            elif self.rng.random() < 0.05 and key not in ("intro", "next"):
                text = self.w.sentence(POOLS.get(key, self.filler_pool))
                self.blocks.append(Callout(text))
                n = len(text.split())
            else:
                n = self.paragraph(key)
            words += n
            since_sub += n
        return words

    def next_steps(self, budget: int) -> int:
        self.heading("next")
        lead = self.w.expand("[In {next_year}|Over the next year|In the coming year] we [will|plan to]:")
        self.blocks.append(Para(lead))
        items = [self.w.sentence(NEXT) + ";" for _ in range(max(3, min(10, budget // 14)))]
        return len(lead.split()) + self.bullets(list(dict.fromkeys(items)))

    def case_study(self) -> int:
        self.blocks.append(Heading(self.w.expand(HEADINGS["case"][0]), 2))
        text = " ".join(self.w.expand(t) for t in CASE[: self.rng.randint(3, len(CASE))])
        self.blocks.append(Para(text))
        return len(text.split())

    def approval(self) -> int:
        self.heading("approval")
        words = 0
        for template in APPROVAL[self.jur.code]:
            text = self.w.expand(template)
            self.blocks.append(Para(text))
            words += len(text.split())
        c = self.ctx
        lines = [str(c["signatory"]), f"{c['role']}, {c['company']}", str(c["approval_date"])]
        if self.rng.random() < 0.5:
            lines.insert(0, "Signed:")
        for line in lines:
            self.blocks.append(Para(line))
        return words + sum(len(x.split()) for x in lines)

    def entities_appendix(self) -> int:
        rng = self.rng
        self.heading("appendix_entities")
        rows: list[tuple[str, ...]] = [("Entity", "Registration number", "Country", "Activity")]
        countries = [c.removeprefix("the ") for c in [self.jur.home, *self.ctx["sourcing"]][:4]]  # type: ignore[misc]
        for _ in range(rng.randint(8, 40)):
            name = f"{rng.choice(NAME_ROOTS)} {rng.choice(self.sector.name_words)} {rng.choice(self.jur.legal_forms)}"
            activity = rng.choice(("Trading", "Holding company", "Dormant", "Manufacturing", "Services"))
            rows.append((name, str(rng.randint(1000000, 99999999)), rng.choice(countries), activity))
        return self.table(rows)

    def criteria_index(self) -> int:
        self.heading("appendix_index")
        rows: list[tuple[str, ...]] = [("Mandatory criterion", "Where addressed")]
        crit = ("Identify the reporting entity", "Structure, operations and supply chains", "Risks of modern "
                "slavery practices", "Actions taken to assess and address risks", "Assessing effectiveness",
                "Process of consultation", "Other relevant information")  # fmt: skip
        page = self.rng.randint(2, 4)
        for c in crit:
            page += self.rng.randint(0, 3)
            rows.append((c, f"Page {page}"))
        return self.table(rows)

    # -- whole statement -----------------------------------------------------------------------
    def build(self, budget: int, xinjiang: bool, foreword: bool) -> list[Block]:
        """Write the sections in order for a total of about ``budget`` words."""
        rng = self.rng
        weights = [(k, w) for k, w in SECTION_WEIGHTS if k != "xinjiang" or xinjiang]
        # Long statements carry extra company description and case studies, as real long ones do.
        extras = max(0, int((budget - 5000) / 2500))
        total_w = sum(w for _, w in weights) + 0.06 * extras
        scale = budget / total_w
        title_text = self.w.expand(rng.choice(self.jur.title))
        if rng.random() < 0.5:
            title_text = f"{self.ctx['company']}: {title_text}"
        self.blocks.append(Heading(title_text, 0))
        written = 0
        if foreword:
            self.heading("foreword")
            written += self.section("foreword", int(0.03 * scale) + 60, level_one=False)
        filler_after = {"operations", "supply", "dd"} if extras else set()
        cases_left = max(0, extras - 1) + (rng.random() < 0.4)
        for key, weight in weights:
            b = max(60, int(weight * scale * rng.uniform(0.7, 1.3)))
            if key == "intro":
                if rng.random() < 0.6:
                    self.heading("intro")
                self.blocks.append(Para(self.w.expand(INTRO[0])))  # the legal opening sentence comes first
                written += self.section("intro", b, level_one=False)
            elif key == "next":
                written += self.next_steps(b)
            else:
                written += self.section(key, b)
            if key in ("remediation", "dd", "audits") and cases_left:
                written += self.case_study()
                cases_left -= 1
            if key in filler_after:
                self.heading("filler")
                written += self.section("filler", int(0.06 * scale), level_one=False)
        if self.jur.code == "AU":
            self.heading("consultation")
            written += self.section("consult", 60, level_one=False)
        written += self.approval()
        if extras and rng.random() < 0.6:
            written += self.entities_appendix()
        if self.jur.code == "AU" and rng.random() < 0.6:
            written += self.criteria_index()
        return self.blocks


def generate(
    rng: random.Random,
    stem: str,
    target_pages: int,
    words_per_page: Callable[[str, float, bool], float],
    budget_scale: float = 1.0,
) -> Statement:
    """Generate one statement.

    Args:
        rng: The document's own random generator.
        stem: File stem of the statement.
        target_pages: Pages the statement should roughly fill.
        words_per_page: Estimate of body words per page for (layout, body size, section breaks).
        budget_scale: Factor on the word budget (to correct a first attempt that missed ``target_pages``).

    Returns:
        The statement, with presentation choices and blocks.
    """
    sector = rng.choices(SECTORS, weights=[s.weight for s in SECTORS])[0]
    jur = JURISDICTIONS[_choose_weighted(rng, JURISDICTION_WEIGHTS)]
    year = rng.choice((2019, 2020, 2021, 2022, 2022, 2023, 2023, 2023, 2024, 2024))
    ctx = make_context(rng, sector, jur, year)
    xinjiang = rng.random() < sector.xj_prob
    layout = "two-column" if rng.random() < 0.35 else "one-column"
    body_size = rng.choice((10.0, 10.5, 11.0)) if layout == "one-column" else rng.choice((10.0, 10.5))
    section_breaks = target_pages >= 20 and rng.random() < 0.4
    has_cover = rng.random() < 0.5
    has_toc = has_cover and target_pages >= 12 and rng.random() < 0.5
    body_pages = max(1.5, target_pages - has_cover - has_toc)
    budget = int(body_pages * words_per_page(layout, body_size, section_breaks) * budget_scale)
    builder = StatementBuilder(rng, ctx, sector, jur)
    blocks = builder.build(budget, xinjiang, foreword=target_pages >= 10 and rng.random() < 0.5)
    if section_breaks:
        blocks = [b for i, blk in enumerate(blocks)
                  for b in ((SectionBreak(), blk) if isinstance(blk, Heading) and blk.level == 1 and i > 1
                            else (blk,))]  # fmt: skip
    title = next(b.text for b in blocks if isinstance(b, Heading))
    short_title = title.split(": ", 1)[-1]
    header_style = rng.choice(("none", "left", "split", "centre", "split"))
    footer_style = rng.choice(("page-right", "centre", "text-left-number-right", "joined", "outer", "header-number"))
    company = str(ctx["company"])
    header = None if header_style == "none" else rng.choice((company, short_title, f"{ctx['short']} | {short_title}"))
    footer = rng.choice((f"{company} | {short_title}", short_title, company, None))
    cover = None
    if has_cover:
        cover = (short_title, company, rng.choice((f"Financial year ending {ctx['fy_end']}", str(ctx["fy_label"]),
                                                   f"Published {ctx['approval_date']}")))  # fmt: skip
    toc = None
    if has_toc:
        page, toc_list = 2 + has_toc, []
        per_heading = max(1, target_pages // max(1, sum(isinstance(b, Heading) and b.level == 1 for b in blocks)))
        for b in blocks:
            if isinstance(b, Heading) and b.level == 1:
                toc_list.append((b.text, page))
                page += rng.randint(max(0, per_heading - 1), per_heading + 1)
        toc = tuple(toc_list)
    return Statement(
        stem=stem,
        company=company,
        short=str(ctx["short"]),
        year=year,
        jurisdiction=jur.code,
        sector=sector.key,
        title=title,
        xinjiang=xinjiang,
        layout=layout,
        header=header,
        footer=footer,
        footer_style=footer_style,
        header_style=header_style,
        cover=cover,
        toc=toc,
        font=rng.choice(("Helvetica", "Helvetica", "Helvetica", "Times-Roman")),
        body_size=body_size,
        leading=round(body_size * rng.uniform(1.3, 1.45), 2),
        numbered_headings=rng.random() < 0.3,
        upper_headings=rng.random() < 0.2,
        hyphenation=rng.random() < 0.5,
        section_breaks=section_breaks,
        page_number_offset=1 if has_cover and rng.random() < 0.5 else 0,
        target_pages=target_pages,
        blocks=blocks,
    )
