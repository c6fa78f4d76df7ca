package nlp

import "testing"

func TestVerbLemma(t *testing.T) {
	x, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for form, want := range map[string]string{
		"saying": "say", "calling": "call", "telling": "tell", // nouns of their own in the dictionary
		"ruling": "rule", "running": "run", "withdrew": "withdraw", "signed": "sign", "warned": "warn",
		"say": "say",
	} {
		if got := x.VerbLemma(form); got != want {
			t.Errorf("VerbLemma(%q) = %q, want %q", form, got, want)
		}
	}
}
