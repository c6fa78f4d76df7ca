package bench

// The generator's vocabulary: common given names and family names from
// many languages, real countries and cities, and made-up organizations.
// Combined at random they make tens of thousands of distinct people.

var firstNames = []string{
	"Adam", "Adrian", "Agnes", "Ahmed", "Aiko", "Alan", "Alejandro", "Alice", "Amara", "Amir",
	"Ana", "Andrea", "Anna", "Antonio", "Arjun", "Aurora", "Beatriz", "Benjamin", "Bilal", "Boris",
	"Camila", "Carlos", "Carmen", "Catherine", "Chen", "Chloe", "Christopher", "Clara", "Daniel", "David",
	"Diego", "Dmitri", "Elena", "Elif", "Emily", "Emma", "Erik", "Eva", "Fatima", "Felix",
	"Fernando", "Francesca", "Gabriel", "George", "Grace", "Hana", "Hannah", "Hassan", "Helen", "Henrik",
	"Hiroshi", "Ibrahim", "Ines", "Isabel", "Ivan", "Jacob", "James", "Jana", "Javier", "Jean",
	"Johan", "John", "Jorge", "Julia", "Karim", "Katarzyna", "Kenji", "Laura", "Leila", "Lena",
	"Lucas", "Luis", "Maria", "Mark", "Marta", "Mateo", "Mei", "Michael", "Miguel", "Mohammed",
	"Nadia", "Natalia", "Nikolai", "Nina", "Noah", "Olga", "Omar", "Oscar", "Paul", "Pedro",
	"Peter", "Priya", "Rafael", "Rahul", "Rosa", "Samuel", "Sara", "Sebastian", "Sofia", "Stefan",
	"Tanvir", "Thomas", "Tomas", "Valentina", "Victor", "Viktor", "Wei", "William", "Yara", "Yusuf",
}

var lastNames = []string{
	"Abbott", "Adeyemi", "Alvarez", "Andersen", "Baker", "Banerjee", "Becker", "Bennett", "Bianchi", "Brennan",
	"Campbell", "Castillo", "Chandra", "Chowdhury", "Costa", "Dahl", "Delgado", "Dubois", "Eriksson", "Esposito",
	"Farouk", "Fischer", "Fitzgerald", "Fontaine", "Gallagher", "Garcia", "Greco", "Gupta", "Haddad", "Hansen",
	"Harrington", "Hartmann", "Hoffmann", "Horvath", "Ibrahimovic", "Ivanova", "Jaramillo", "Jensen", "Kaminski", "Kaplan",
	"Kariuki", "Kowalski", "Kumar", "Lambert", "Larsen", "Lindqvist", "Lopez", "Lorenzo", "Macdonald", "Mahmoud",
	"Marchetti", "Martinez", "Mendoza", "Meyer", "Morales", "Moreau", "Nakamura", "Navarro", "Nielsen", "Novak",
	"Nowak", "Okafor", "Okonkwo", "Oliveira", "Olsen", "Ortega", "Palmer", "Pereira", "Petrov", "Petrova",
	"Pham", "Quinn", "Ramirez", "Reyes", "Richter", "Rossi", "Sanchez", "Santos", "Schmidt", "Schneider",
	"Sokolov", "Suzuki", "Svensson", "Takahashi", "Tanaka", "Thornton", "Torres", "Vargas", "Varga", "Vasquez",
	"Volkov", "Wagner", "Walsh", "Weber", "Whitfield", "Yamamoto", "Yilmaz", "Zhang", "Zielinski", "Zimmermann",
	"Achterberg", "Bergstrom", "Castellano", "Demir", "Ekwueme", "Ferreira", "Gonzaga", "Holloway", "Iversen", "Janssen",
	"Kovacs", "Lindgren", "Moretti", "Nordin", "Osei", "Pellegrini", "Rasmussen", "Salazar", "Tremblay", "Ueda",
}

var countries = []string{
	"Argentina", "Australia", "Austria", "Belgium", "Brazil", "Canada", "Chile", "China", "Colombia", "Denmark",
	"Egypt", "Estonia", "Ethiopia", "Finland", "France", "Georgia", "Germany", "Ghana", "Greece", "Hungary",
	"India", "Indonesia", "Ireland", "Israel", "Italy", "Japan", "Kenya", "Latvia", "Lithuania", "Mexico",
	"Morocco", "Netherlands", "Nigeria", "Norway", "Pakistan", "Peru", "Poland", "Portugal", "Romania", "Russia",
	"Senegal", "Serbia", "Singapore", "Spain", "Sweden", "Switzerland", "Thailand", "Turkey", "Ukraine", "Vietnam",
}

var cities = []string{
	"Amsterdam", "Athens", "Bangkok", "Berlin", "Bogota", "Brussels", "Budapest", "Buenos Aires", "Cairo", "Chicago",
	"Copenhagen", "Dublin", "Geneva", "Helsinki", "Istanbul", "Jakarta", "Lagos", "Lima", "Lisbon", "London",
	"Madrid", "Manila", "Melbourne", "Mexico City", "Milan", "Montreal", "Mumbai", "Nairobi", "New Delhi", "Oslo",
	"Paris", "Prague", "Riga", "Rome", "Santiago", "Seoul", "Stockholm", "Sydney", "Tallinn", "Tokyo",
	"Toronto", "Vienna", "Vilnius", "Warsaw", "Zurich",
}

var titles = []string{
	"president", "prime minister", "foreign minister", "finance minister", "defence minister",
	"interior minister", "chief prosecutor", "central bank governor", "ambassador", "mayor",
}

var offices = []string{
	"chief executive", "chief financial officer", "chairman", "director", "general counsel", "president",
}

var orgAdjectives = []string{
	"Atlantic", "Northern", "Pacific", "Global", "Continental", "Eastern", "Western", "Southern", "United", "National",
	"Royal", "Imperial", "Federal", "Coastal", "Central", "Alpine", "Nordic", "Baltic", "Meridian", "Summit",
}

var orgNouns = []string{
	"Steel", "Energy", "Shipping", "Mining", "Telecom", "Pharma", "Airlines", "Insurance", "Logistics", "Capital",
	"Motors", "Foods", "Textiles", "Chemicals", "Software", "Rail", "Water", "Media", "Holdings", "Construction",
}

var orgSuffixes = []string{"Group", "Corporation", "Company", "Holdings", "Partners", "Industries", "Bank", "Trust"}

var institutions = []string{
	"Ministry of Finance", "Ministry of Foreign Affairs", "Supreme Court", "Central Bank", "National Police",
	"Ministry of Defence", "Constitutional Court", "Electoral Commission",
}

var wellKnownOrgs = []string{
	"the United Nations", "NATO", "the European Union", "the World Health Organization", "the International Monetary Fund",
	"the World Bank", "the African Union", "Interpol", "the International Criminal Court", "the Red Cross",
}

var alliances = []string{"NATO", "the European Union", "the African Union", "the World Trade Organization", "the United Nations"}

var courts = []string{"International Criminal Court", "Supreme Court", "district court", "federal court", "military tribunal"}

var crimes = []string{
	"fraud", "money laundering", "bribery", "war crimes", "tax evasion", "embezzlement", "corruption", "drug trafficking",
}

var topics = []string{
	"trade", "energy prices", "the border dispute", "climate policy", "the ceasefire", "grain exports", "migration",
	"interest rates", "the pipeline", "fishing rights", "the election", "military aid",
}

var plans = []string{
	"cut hundreds of jobs", "open a new factory", "raise interest rates", "appeal the ruling", "cooperate with investigators",
	"expand into new markets", "sell its shipping division", "hold early elections", "lift the export ban", "review the contract",
}

var adjectives = []string{"constructive", "difficult", "productive", "tense", "frank", "encouraging", "disappointing"}

var subjects = []string{"law", "economics", "engineering", "medicine", "history", "physics"}

var experiences = []string{
	"waited for hours at the border", "lost her job in the spring", "never seen prices rise so fast",
	"moved to the capital as a child", "voted for the first time",
}

var headlineVerbs = []string{"leaves", "joins", "sues", "criticizes", "praises", "takes over"}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

var months = []string{
	"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
}

var outlets = []string{"Example Wire", "Daily Example", "The Example Times", "Example Radio", "Example Herald"}

var background = []string{
	"markets fell sharply after the announcement",
	"the decision drew criticism from opposition lawmakers",
	"talks are expected to resume next month",
	"the government has denied any wrongdoing",
	"officials did not say how long the measures would last",
	"analysts said the move had been widely expected",
	"the vote is scheduled for the end of the year",
	"thousands of people gathered in the main square",
	"the investigation is continuing",
	"prices have risen for six months in a row",
	"negotiators worked through the night",
	"the report has not been made public",
}
