package resolve

import (
	"testing"

	"github.com/newsgraph/newsgraph"
)

func doc(ents ...newsgraph.Entity) *newsgraph.Document {
	return &newsgraph.Document{Entities: ents}
}

func person(name string, aliases ...string) newsgraph.Entity {
	return newsgraph.Entity{Name: name, Type: newsgraph.Person, Aliases: append([]string{name}, aliases...)}
}

func TestSurnameResolvesToTheFullNameInAnyOrder(t *testing.T) {
	ix := NewIndex()
	first := doc(person("Putin"))
	later := doc(person("Vladimir Putin", "Mr. Putin"))
	ix.Resolve(first, later)
	if first.Entities[0].ID != "Vladimir_Putin" || later.Entities[0].ID != "Vladimir_Putin" {
		t.Fatalf("IDs %q and %q, want both Vladimir_Putin", first.Entities[0].ID, later.Entities[0].ID)
	}
	// A later batch knows him by surname too.
	again := doc(person("Putin"))
	ix.Resolve(again)
	if again.Entities[0].ID != "Vladimir_Putin" {
		t.Errorf("later surname got %q", again.Entities[0].ID)
	}
}

func TestAmbiguousSurnameStaysApart(t *testing.T) {
	ix := NewIndex()
	ix.Resolve(doc(person("Joe Biden"), person("Hunter Biden")))
	d := doc(person("Biden"))
	ix.Resolve(d)
	if d.Entities[0].ID == "Joe_Biden" || d.Entities[0].ID == "Hunter_Biden" {
		t.Errorf("ambiguous surname resolved to %q", d.Entities[0].ID)
	}
}

func TestMiddleNameVariantsMeet(t *testing.T) {
	ix := NewIndex()
	a := doc(person("Maria Lvova-Belova"))
	b := doc(person("Maria Alekseyevna Lvova-Belova"))
	ix.Resolve(a)
	ix.Resolve(b)
	if a.Entities[0].ID != b.Entities[0].ID {
		t.Errorf("IDs %q and %q differ", a.Entities[0].ID, b.Entities[0].ID)
	}
}

func TestTypesKeepNamesakesApart(t *testing.T) {
	ix := NewIndex()
	place := doc(newsgraph.Entity{Name: "Georgia", Type: newsgraph.Country, Aliases: []string{"Georgia"}})
	who := doc(person("Georgia"))
	ix.Resolve(place, who)
	if place.Entities[0].ID == who.Entities[0].ID {
		t.Errorf("a country and a person share ID %q", who.Entities[0].ID)
	}
}

func TestKnownEntitiesFromTheStore(t *testing.T) {
	ix := NewIndex()
	ix.Add(newsgraph.Entity{ID: "International_Criminal_Court", Name: "International Criminal Court", Type: newsgraph.Organization, Aliases: []string{"ICC"}})
	d := doc(newsgraph.Entity{Name: "ICC", Type: newsgraph.Organization, Aliases: []string{"ICC"}})
	ix.Resolve(d)
	if d.Entities[0].ID != "International_Criminal_Court" {
		t.Errorf("ICC resolved to %q", d.Entities[0].ID)
	}
}

func TestSlugKeepsScripts(t *testing.T) {
	for in, want := range map[string]string{
		"Vladimir Putin": "Vladimir_Putin",
		"Володимир Зеленський": "Володимир_Зеленський",
		"  Xi   Jinping ":      "Xi_Jinping",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOneNodeForANameTypedTwoWays(t *testing.T) {
	ix := NewIndex()
	a := doc(newsgraph.Entity{Name: "Rome Statute", Type: newsgraph.Legislation, Aliases: []string{"Rome Statute"}})
	b := doc(newsgraph.Entity{Name: "Rome Statute", Type: newsgraph.Organization, Aliases: []string{"Rome Statute"}})
	ix.Resolve(a)
	ix.Resolve(b)
	if a.Entities[0].ID != b.Entities[0].ID {
		t.Errorf("IDs %q and %q differ", a.Entities[0].ID, b.Entities[0].ID)
	}
}
