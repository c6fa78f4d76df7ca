package extract

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
)

var (
	testX     *Extractor
	testXErr  error
	testXOnce sync.Once
)

func extractor(t testing.TB) *Extractor {
	t.Helper()
	testXOnce.Do(func() { testX, testXErr = New(Options{}) })
	if testXErr != nil {
		t.Fatal(testXErr)
	}
	return testX
}

func extractText(t *testing.T, date, text string) *newsgraph.Document {
	t.Helper()
	return extractor(t).Extract(newsgraph.Article{ID: "t", Date: date, Text: text})
}

// hasFact reports whether the document states subj pred obj, where obj is
// an entity name or a word of a literal value.
func hasFact(d *newsgraph.Document, subj, pred, obj string) bool {
	for _, f := range d.Facts {
		if f.Predicate != pred || !named(d.Entities[f.Subject], subj) {
			continue
		}
		if f.Object >= 0 && named(d.Entities[f.Object], obj) {
			return true
		}
		if f.Object < 0 && strings.Contains(strings.ToLower(f.Value), strings.ToLower(obj)) {
			return true
		}
	}
	return false
}

func named(e newsgraph.Entity, name string) bool {
	for _, a := range e.Aliases {
		if a == name {
			return true
		}
	}
	return e.Name == name
}

func requireFacts(t *testing.T, d *newsgraph.Document, facts ...[3]string) {
	t.Helper()
	for _, f := range facts {
		if !hasFact(d, f[0], f[1], f[2]) {
			t.Errorf("missing fact %s %s %s", f[0], f[1], f[2])
		}
	}
	if t.Failed() {
		for _, f := range d.Facts {
			obj := f.Value
			if f.Object >= 0 {
				obj = "<" + d.Entities[f.Object].Name + ">"
			}
			t.Logf("have <%s> %s %s (%s)", d.Entities[f.Subject].Name, f.Predicate, obj, f.Rule)
		}
	}
}

func findEntity(d *newsgraph.Document, name string) *newsgraph.Entity {
	for i := range d.Entities {
		if named(d.Entities[i], name) {
			return &d.Entities[i]
		}
	}
	return nil
}

func TestTitlesAndRoles(t *testing.T) {
	d := extractText(t, "2024-05-02", `Kremlin spokesman Dmitry Peskov rejected the claim on Thursday.

Maria Lvova-Belova, Russia's commissioner for children's rights, did not comment.

German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin.`)
	requireFacts(t, d,
		[3]string{"Dmitry Peskov", "has_title", "spokesman"},
		[3]string{"Dmitry Peskov", "spokesperson_for", "Kremlin"},
		[3]string{"Maria Lvova-Belova", "has_title", "commissioner"},
		[3]string{"Maria Lvova-Belova", "works_for", "Russia"},
		[3]string{"Olaf Scholz", "leader_of", "Germany"},
		[3]string{"Emmanuel Macron", "leader_of", "France"},
		[3]string{"Olaf Scholz", "met_with", "Emmanuel Macron"},
	)
}

func TestCoreferenceOneEntityPerPerson(t *testing.T) {
	d := extractText(t, "2023-03-20", `Prime Minister Ulf Kristersson arrived in Ankara on Monday.

Kristersson said Sweden had met its commitments. Mr. Kristersson later flew home.`)
	e := findEntity(d, "Ulf Kristersson")
	if e == nil {
		t.Fatalf("no entity Ulf Kristersson in %+v", d.Entities)
	}
	if e.Type != newsgraph.Person {
		t.Errorf("Ulf Kristersson typed %s", e.Type)
	}
	n := 0
	for _, x := range d.Entities {
		if strings.Contains(x.Name, "Kristersson") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d entities named Kristersson, want 1: %+v", n, d.Entities)
	}
	if !named(*e, "Kristersson") {
		t.Errorf("aliases %v lack the surname", e.Aliases)
	}
}

func TestAcronymJoinsItsExpansion(t *testing.T) {
	d := extractText(t, "", `The World Health Organization declared a pandemic. The WHO urged countries to act.`)
	e := findEntity(d, "World Health Organization")
	if e == nil || !named(*e, "WHO") {
		t.Fatalf("WHO not linked to World Health Organization: %+v", d.Entities)
	}
}

func TestNegationAndTreaties(t *testing.T) {
	d := extractText(t, "2023-03-18", `Russia signed the Rome Statute in 2000 but never ratified it, and withdrew its signature in 2016.

Neither Russia nor Ukraine is a party to the Rome Statute.`)
	requireFacts(t, d,
		[3]string{"Russia", "signed", "Rome Statute"},
		[3]string{"Russia", "not_ratified", "Rome Statute"},
		[3]string{"Russia", "withdrew_signature", "Rome Statute"},
		[3]string{"Russia", "not_party_to", "Rome Statute"},
		[3]string{"Ukraine", "not_party_to", "Rome Statute"},
	)
	if hasFact(d, "Ukraine", "party_to", "Rome Statute") || hasFact(d, "Russia", "ratified", "Rome Statute") {
		t.Error("a negated statement came out positive")
	}
}

func TestCoordinationGivesOneFactEach(t *testing.T) {
	d := extractText(t, "", `The International Criminal Court issued arrest warrants for Vladimir Putin and Maria Lvova-Belova.`)
	requireFacts(t, d,
		[3]string{"International Criminal Court", "issued_arrest_warrant_for", "Vladimir Putin"},
		[3]string{"International Criminal Court", "issued_arrest_warrant_for", "Maria Lvova-Belova"},
	)
}

func TestOrganizationsAndCountriesCoordinate(t *testing.T) {
	d := extractText(t, "", `The European Union, Japan and Canada moved on Monday to sanction President Alexander Lukashenko.`)
	for _, who := range []string{"European Union", "Japan", "Canada"} {
		requireFacts(t, d, [3]string{who, "sanctioned", "Alexander Lukashenko"})
	}
}

func TestQuotesAreAttributed(t *testing.T) {
	d := extractText(t, "2023-03-17", `"Justice will be done, no matter how long it takes," Foreign Minister Dmytro Kuleba said on Friday.

"We do not recognize this court," said Dmitry Peskov, the Kremlin spokesman.`)
	requireFacts(t, d,
		[3]string{"Dmytro Kuleba", "said", "no matter how long it takes"},
		[3]string{"Dmitry Peskov", "said", "do not recognize this court"},
	)
}

func TestQuotesAfterParticiplesAndAppositions(t *testing.T) {
	d := extractText(t, "", `Chancellor Olaf Scholz praised the ruling, calling it "a victory for the rule of law." Germany's foreign minister, Annalena Baerbock, met reporters and warned that "nobody is above the law."`)
	requireFacts(t, d,
		[3]string{"Olaf Scholz", "said", "a victory for the rule of law"},
		[3]string{"Annalena Baerbock", "said", "nobody is above the law"},
	)
}

func TestAccordingToAnOwnedBody(t *testing.T) {
	d := extractText(t, "", `The suspect was flown to Texas. According to Mexico's Foreign Ministry, the transfer followed the rejection of his last appeal.`)
	requireFacts(t, d, [3]string{"Mexico's Foreign Ministry", "said", "the rejection of his last appeal"})
}

func TestConflictAndKillings(t *testing.T) {
	d := extractText(t, "", `Russia annexed Crimea in 2014. Yigal Amir assassinated Prime Minister Yitzhak Rabin in 1995.`)
	requireFacts(t, d,
		[3]string{"Russia", "annexed", "Crimea"},
		[3]string{"Yigal Amir", "killed", "Yitzhak Rabin"},
	)
}

func TestLocationsAndBases(t *testing.T) {
	d := extractText(t, "", `The insurer, based in Hartford, Conn., hired a new chief executive. The Geneva-based World Health Organization disagreed.`)
	requireFacts(t, d,
		[3]string{"Hartford", "located_in", "Connecticut"},
		[3]string{"World Health Organization", "based_in", "Geneva"},
	)
}

func TestCityCountryIsTwoPlaces(t *testing.T) {
	d := extractText(t, "", `Priya Raman was born in Hyderabad, India, and studied physics in India before moving to Canada.`)
	requireFacts(t, d, [3]string{"Hyderabad", "located_in", "India"})
}

func TestPlacesNamedByTheirKind(t *testing.T) {
	d := extractText(t, "", `Police closed Bertonico and four other towns in Lombardy. Soldiers guarded the village of Vo in the Veneto region. The mayor of Culiacan spoke. She grew up in the city of Mariupol.`)
	requireFacts(t, d,
		[3]string{"Bertonico", "located_in", "Lombardy"},
		[3]string{"Vo", "located_in", "Veneto"},
	)
	var b strings.Builder
	extractor(t).Explain(newsgraph.Article{ID: "t", Text: `The mayor of Culiacan spoke. She grew up in the city of Mariupol.`}, &b)
	if strings.Contains(b.String(), `"the city" City nominal`) {
		t.Errorf(`"the city of Mariupol" read as an anaphor:%s`, b.String())
	}
}

func TestGazetteerVetoesImpossiblePlaces(t *testing.T) {
	d := extractText(t, "", `Protesters gathered in Moscow, Ukraine, on Sunday. Judges of the International Criminal Court in Washington met lawyers. Flights left Atlanta, Georgia, for Lyon, France.`)
	for _, f := range [][3]string{
		{"Moscow", "located_in", "Ukraine"},
		{"International Criminal Court", "based_in", "Washington, D.C."},
	} {
		if hasFact(d, f[0], f[1], f[2]) {
			t.Errorf("stated %v, which the gazetteer contradicts", f)
		}
	}
	requireFacts(t, d,
		[3]string{"Atlanta", "located_in", "Georgia"},
		[3]string{"Lyon", "located_in", "France"},
	)
}

func TestOfficeSaysMoreThanResidence(t *testing.T) {
	d := extractText(t, "", `Ukraine's President Volodymyr Zelenskyy thanked the judges. "A turning point," Foreign Minister Dmytro Kuleba posted on his Telegram channel.`)
	requireFacts(t, d, [3]string{"Volodymyr Zelenskyy", "leader_of", "Ukraine"})
	if hasFact(d, "Volodymyr Zelenskyy", "lives_in", "Ukraine") {
		t.Error("a president's office also stated as residence")
	}
	d = extractText(t, "", `U.S. President Joe Biden called the decision justified.`)
	requireFacts(t, d, [3]string{"Joe Biden", "leader_of", "United States"})
	if hasFact(d, "Joe Biden", "nationality", "United States") {
		t.Error("a president's office also stated as nationality")
	}
	if hasFact(d, "Dmytro Kuleba", "works_for", "Telegram") {
		t.Error("posting on Telegram read as working for it")
	}
}

func TestResidenceIsNotReadIntoOtherPairs(t *testing.T) {
	d := extractText(t, "", `WASHINGTON — President Joe Biden said on Friday that the warrant was justified.

Yitzhak Rabin was born in Jerusalem in 1922. Prime Minister Justin Trudeau said Russia's leaders must pay. Moscow called the case brought by the tribunal in The Hague against Russian President Vladimir Putin a farce.`)
	requireFacts(t, d, [3]string{"Yitzhak Rabin", "born_in", "Jerusalem"})
	for _, f := range [][3]string{
		{"Joe Biden", "lives_in", "Washington, D.C."},
		{"Yitzhak Rabin", "lives_in", "Jerusalem"},
		{"Justin Trudeau", "lives_in", "Russia"},
		{"Vladimir Putin", "lives_in", "The Hague"},
	} {
		if hasFact(d, f[0], f[1], f[2]) {
			t.Errorf("stated %v", f)
		}
	}
}

func TestTitlesKeepTheirModifiers(t *testing.T) {
	d := extractText(t, "", `Ruth Alvarez, 47, is currently the chief financial officer of Lakeshore Mutual Group. Tom Reyes, the national security adviser, spoke first. Lin Moreau, the deputy chairman of Harbor Freight Group, declined to comment.`)
	requireFacts(t, d,
		[3]string{"Ruth Alvarez", "has_title", "chief financial officer"},
		[3]string{"Ruth Alvarez", "works_for", "Lakeshore Mutual Group"},
		[3]string{"Tom Reyes", "has_title", "national security adviser"},
		[3]string{"Lin Moreau", "has_title", "deputy chairman"},
		[3]string{"Lin Moreau", "works_for", "Harbor Freight Group"},
	)
	if hasFact(d, "Lin Moreau", "leader_of", "Harbor Freight Group") {
		t.Error("a deputy chairman read as the leader")
	}
}

func TestCompanySeats(t *testing.T) {
	d := extractText(t, "", `The Federal Reserve and Norddeutsche Handel Co. of Germany filed claims on Tuesday. Toyota Motor Corp. of Japan and Vestas Wind Systems AG of Denmark signed the agreement. Shares of Seattle-based Amazon fell. Analysts at the Frankfurt-based Commerzbank disagreed.`)
	requireFacts(t, d,
		[3]string{"Norddeutsche Handel Co.", "based_in", "Germany"},
		[3]string{"Toyota Motor Corp.", "based_in", "Japan"},
		[3]string{"Vestas Wind Systems AG", "based_in", "Denmark"},
		[3]string{"Amazon", "based_in", "Seattle"},
		[3]string{"Commerzbank", "based_in", "Frankfurt"},
	)
	if hasFact(d, "Federal Reserve", "based_in", "Germany") {
		t.Error(`"of Germany" after "the Federal Reserve and ... Co." was given to both`)
	}
	for _, e := range d.Entities {
		if e.Name == "Amazon" && e.Type != newsgraph.Organization {
			t.Errorf("Amazon after Seattle-based is a %s", e.Type)
		}
	}
}

func TestAcronymsDefinedInParentheses(t *testing.T) {
	d := extractText(t, "", `The Government Accountability Office (GAO) published its review on Monday. The Civic Renewal Party (CRP) won 40 seats. Later the GAO said the review stood.`)
	for _, want := range []struct{ name, alias string }{
		{"Government Accountability Office", "GAO"},
		{"Civic Renewal Party", "CRP"},
	} {
		found := false
		for _, e := range d.Entities {
			if e.Name == want.name {
				found = true
				if e.Type != newsgraph.Organization || !named(e, want.alias) {
					t.Errorf("%s: type %s, aliases %v; want an organization also named %s", e.Name, e.Type, e.Aliases, want.alias)
				}
			}
			if e.Name == want.alias || e.Name == "Gao" {
				t.Errorf("%s stands apart as a %s", e.Name, e.Type)
			}
		}
		if !found {
			t.Errorf("no entity %s", want.name)
		}
	}
}

func TestResidenceInTownsTheGazetteerDoesNotKnow(t *testing.T) {
	d := extractText(t, "", `Painter Ola Brandvik is a native of Tolgaard, Minn. "We expected it," said Carla Munsey, 41, of Pettibrook, a neighbor. Hal Orcutt, a Democrat from Denver, voted against the bill.`)
	requireFacts(t, d,
		[3]string{"Ola Brandvik", "lives_in", "Tolgaard"},
		[3]string{"Carla Munsey", "lives_in", "Pettibrook"},
		[3]string{"Hal Orcutt", "lives_in", "Denver"},
	)
}

func TestEmployerAfterAModifier(t *testing.T) {
	d := extractText(t, "", `Miriam Okafor, a former Columbia University law professor, joined the panel. Dov Amitai, a senior Defense Ministry official, declined to comment. Ruth Galvan taught at Kenyon College for a decade.`)
	requireFacts(t, d,
		[3]string{"Miriam Okafor", "works_for", "Columbia University"},
		[3]string{"Miriam Okafor", "has_title", "law professor"},
		[3]string{"Dov Amitai", "works_for", "Defense Ministry"},
		[3]string{"Dov Amitai", "has_title", "official"},
		[3]string{"Ruth Galvan", "works_for", "Kenyon College"},
	)
}

func TestNamedDescriptionIsNotAnAnaphor(t *testing.T) {
	var b strings.Builder
	extractor(t).Explain(newsgraph.Article{ID: "t", Text: `Hungary's leader is friendly with the Kremlin. South Africa, which hosts a summit of the BRICS group in Johannesburg next month, must act.`}, &b)
	if strings.Contains(b.String(), "-> Kremlin") && strings.Contains(b.String(), `"the BRICS group"`) {
		t.Errorf(`"the BRICS group" was read as the Kremlin:%s`, b.String())
	}
	if !strings.Contains(b.String(), `"Kremlin" Organization -> Kremlin`) {
		t.Errorf("the Kremlin was not found:%s", b.String())
	}
}

func TestDatesResolveAgainstTheArticle(t *testing.T) {
	d := extractText(t, "2023-03-17", `The International Criminal Court issued a warrant for Vladimir Putin on Friday.`)
	found := false
	for _, f := range d.Facts {
		if f.Predicate == "issued_arrest_warrant_for" {
			found = true
			if f.Date != "2023-03-17" {
				t.Errorf("warrant dated %q, want 2023-03-17 (the Friday of the article)", f.Date)
			}
		}
	}
	if !found {
		t.Fatal("no warrant fact")
	}
}

func TestEvidenceIsTheSentence(t *testing.T) {
	text := `Some words first. Russia annexed Crimea in 2014. More words after.`
	d := extractText(t, "", text)
	for _, f := range d.Facts {
		if f.Predicate != "annexed" {
			continue
		}
		if got := text[f.Evidence.Start:f.Evidence.End]; got != "Russia annexed Crimea in 2014." || f.Sentence != got {
			t.Errorf("evidence %q / %q", got, f.Sentence)
		}
		if f.Confidence <= 0 || f.Confidence > 1 || f.Rule == "" {
			t.Errorf("confidence %v rule %q", f.Confidence, f.Rule)
		}
		return
	}
	t.Fatal("no annexed fact")
}

func TestBoilerplateIsDropped(t *testing.T) {
	d := extractText(t, "", `Sign up for our newsletter to get breaking news in your inbox. Please enter a valid email address.

Related coverage: Putin visits Beijing

The Kremlin said Vladimir Putin would travel to China.

More follows.`)
	if d.Sentences != 1 {
		t.Errorf("%d sentences kept, want the one article sentence", d.Sentences)
	}
}

// TestExtractorIsSafeForConcurrentUse runs extractions in parallel under
// the race detector's eye and checks they agree.
func TestExtractorIsSafeForConcurrentUse(t *testing.T) {
	x := extractor(t)
	a := newsgraph.Article{ID: "c", Text: "Kremlin spokesman Dmitry Peskov said Russia does not recognize the court."}
	want := len(x.Extract(a).Facts)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := len(x.Extract(a).Facts); got != want {
				t.Errorf("%d facts, want %d", got, want)
			}
		}()
	}
	wg.Wait()
}

// TestUserRulesAddToTheBuiltIn checks that a user's data folder adds rules
// without rebuilding, keeping the built-in ones.
func TestUserRulesAddToTheBuiltIn(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "rules"), 0o755); err != nil {
		t.Fatal(err)
	}
	rule := "sanctioned 0.8: $S:COUNTRY|ORG * blacklist $O:PER|ORG\n"
	if err := os.WriteFile(filepath.Join(dir, "rules", "mybeat.rules"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := New(Options{Data: os.DirFS(dir)})
	if err != nil {
		t.Fatal(err)
	}
	d := x.Extract(newsgraph.Article{ID: "u", Text: "Canada blacklisted Sergei Lavrov on Friday. Russia annexed Crimea in 2014."})
	requireFacts(t, d,
		[3]string{"Canada", "sanctioned", "Sergei Lavrov"}, // the user's rule
		[3]string{"Russia", "annexed", "Crimea"},           // a built-in one
	)
	// A bad rule names its file and line.
	if err := os.WriteFile(filepath.Join(dir, "rules", "bad.rules"), []byte("# note\nfrobnicated: $S x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{Data: os.DirFS(dir)}); err == nil || !strings.Contains(err.Error(), "rules/bad.rules:2") {
		t.Errorf("error %v, want one naming rules/bad.rules:2", err)
	}
}
