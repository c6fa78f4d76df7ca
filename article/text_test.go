package article

import (
	"errors"
	"strings"
	"testing"
)

func TestReadText(t *testing.T) {
	tests := []struct {
		name, in                       string
		title, date, url, source, text string
	}{
		{
			name: "date prefix on the same line",
			in:   " date 2023-03-17 The mayor of Tarn opened the new library on Friday.\n\nShe thanked the volunteers.",
			date: "2023-03-17",
			text: "The mayor of Tarn opened the new library on Friday.\n\nShe thanked the volunteers.",
		},
		{
			name: "date prefix on its own line",
			in:   "\n\ndate 2022-11-02\nFloods closed the coastal road for a second day.\n",
			date: "2022-11-02",
			text: "Floods closed the coastal road for a second day.",
		},
		{
			name: "date with colon",
			in:   "Date: 2022-11-02\n\nFloods closed the coastal road.",
			date: "2022-11-02",
			text: "Floods closed the coastal road.",
		},
		{
			name:   "header lines",
			in:     "Title: Library opens in Tarn\nDate: March 17, 2023\nURL: https://example.org/tarn-library\nSource: Tarn Herald\n\nThe mayor opened the library.",
			title:  "Library opens in Tarn",
			date:   "2023-03-17",
			url:    "https://example.org/tarn-library",
			source: "Tarn Herald",
			text:   "The mayor opened the library.",
		},
		{
			name:  "front matter",
			in:    "---\ntitle: Library opens in Tarn\ndate: 2023-03-17T09:30:00+01:00\nauthor: Staff\n---\n\nThe mayor opened the library.\n",
			title: "Library opens in Tarn",
			date:  "2023-03-17",
			text:  "The mayor opened the library.",
		},
		{
			name: "unclosed front matter is text",
			in:   "---\ntitle: Library opens\nThe mayor opened the library.",
			text: "---\ntitle: Library opens\nThe mayor opened the library.",
		},
		{
			name: "a dateline is not a header",
			in:   "Washington: The senate passed the bill late on Tuesday.",
			text: "Washington: The senate passed the bill late on Tuesday.",
		},
		{
			name: "a sentence about a date is not a header",
			in:   "Date: to be announced, said the organisers of the fair.",
			text: "Date: to be announced, said the organisers of the fair.",
		},
		{
			name: "impossible date is stripped but not kept",
			in:   "date 2023-02-30 Snow fell in the hills overnight.",
			text: "Snow fell in the hills overnight.",
		},
		{
			name: "line endings and paragraphs",
			in:   "\ufeffFirst paragraph, line one\r\nline two.\r\n\r\nSecond paragraph.\rThird line.\r\n",
			text: "First paragraph, line one\nline two.\n\nSecond paragraph.\nThird line.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := readText(strings.NewReader(tt.in), "story", DefaultMaxBytes)
			if err != nil {
				t.Fatal(err)
			}
			if a.ID != "story" || a.Title != tt.title || a.Date != tt.date || a.URL != tt.url || a.Source != tt.source {
				t.Errorf("got ID %q title %q date %q url %q source %q", a.ID, a.Title, a.Date, a.URL, a.Source)
			}
			if a.Text != tt.text {
				t.Errorf("text:\n got  %q\n want %q", a.Text, tt.text)
			}
		})
	}
}

func TestReadTextBad(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "empty article"},
		{" \n\t\r\n ", "empty article"},
		{"date 2023-03-17\n\n", "empty article"},
		{"Caf\xe9 owners protested.", "invalid UTF-8 at byte 3"},
		{"plain\x00text", "binary file, not an article"},
		{"%PDF-1.7\nnot really", "binary file, not an article (PDF document)"},
		{strings.Repeat("word ", 30), "article is 150 bytes, over the 100 bytes limit"},
	}
	for _, tt := range tests {
		_, err := readText(strings.NewReader(tt.in), "x", 100)
		if err == nil || err.Error() != tt.want {
			t.Errorf("readText(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
	if _, err := readText(strings.NewReader(""), "x", 100); !errors.Is(err, errEmpty) {
		t.Errorf("empty: %v is not errEmpty", err)
	}
}

func TestNormalizeDate(t *testing.T) {
	for in, want := range map[string]string{
		"2023-03-17":                    "2023-03-17",
		" 2023-03-17 ":                  "2023-03-17",
		"2023-03-17T10:00:00Z":          "2023-03-17",
		"2023-03-17T23:30:00-05:00":     "2023-03-17", // the date as written, not in UTC
		"2023-03-17T10:00:00.123Z":      "2023-03-17",
		"2023-03-17 10:00:00":           "2023-03-17",
		"2023-03-17T10:00":              "2023-03-17",
		"Fri, 17 Mar 2023 10:00:00 GMT": "2023-03-17",
		"March 17, 2023":                "2023-03-17",
		"2023-02-30":                    "",
		"yesterday":                     "",
		"17/03/2023":                    "",
		"":                              "",
	} {
		if got := normalizeDate(in); got != want {
			t.Errorf("normalizeDate(%q) = %q, want %q", in, got, want)
		}
	}
}
