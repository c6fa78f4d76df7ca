package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

var months = map[string]time.Month{
	"january": 1, "jan": 1, "jan.": 1, "february": 2, "feb": 2, "feb.": 2, "march": 3, "mar": 3, "mar.": 3,
	"april": 4, "apr": 4, "apr.": 4, "may": 5, "june": 6, "jun": 6, "jun.": 6, "july": 7, "jul": 7, "jul.": 7,
	"august": 8, "aug": 8, "aug.": 8, "september": 9, "sept": 9, "sept.": 9, "sep": 9, "sep.": 9,
	"october": 10, "oct": 10, "oct.": 10, "november": 11, "nov": 11, "nov.": 11, "december": 12, "dec": 12, "dec.": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// findDates resolves each sentence's first time expression against the
// article's date: "24 February 2022", "March 17", "in 2000", "on Friday",
// "last year", "yesterday". Statements read from the sentence carry it.
func (d *doc) findDates() {
	var ref time.Time
	if d.art.Date != "" {
		if t, err := time.Parse("2006-01-02", d.art.Date); err == nil {
			ref = t
		}
	}
	for _, s := range d.sents {
		s.date = resolveDate(s, ref)
	}
}

func resolveDate(s *sentence, ref time.Time) string {
	w := s.lower
	n := len(w)
	future := false
	for i := range w {
		if w[i] == "will" || w[i] == "next" || w[i] == "tomorrow" {
			future = true
		}
	}
	for i := 0; i < n; i++ {
		// Day Month Year / Month Day, Year / Month Day / Month Year
		if m, ok := months[w[i]]; ok && (w[i] != "may" || s.Tokens[i].Text == "May") && (w[i] != "march" || s.Tokens[i].Text == "March") {
			if i > 0 {
				if day, ok := dayNumber(w[i-1]); ok {
					if i+1 < n {
						if y, ok := year(w[i+1]); ok {
							return ymd(y, m, day)
						}
					}
					if !ref.IsZero() {
						return ymd(yearNear(ref, m), m, day)
					}
				}
			}
			if i+1 < n {
				if day, ok := dayNumber(w[i+1]); ok {
					if i+3 < n && w[i+2] == "," {
						if y, ok := year(w[i+3]); ok {
							return ymd(y, m, day)
						}
					}
					if i+2 < n {
						if y, ok := year(w[i+2]); ok {
							return ymd(y, m, day)
						}
					}
					if !ref.IsZero() {
						return ymd(yearNear(ref, m), m, day)
					}
				}
				if y, ok := year(w[i+1]); ok {
					return fmt.Sprintf("%04d-%02d", y, m)
				}
			}
			if i+2 < n && w[i+1] == "of" && (w[i+2] == "last" || w[i+2] == "this" || w[i+2] == "next") && i+3 < n && w[i+3] == "year" && !ref.IsZero() {
				k := map[string]int{"last": -1, "this": 0, "next": 1}[w[i+2]]
				return fmt.Sprintf("%04d-%02d", ref.Year()+k, m)
			}
			if i > 0 && (w[i-1] == "in" || w[i-1] == "since" || w[i-1] == "last" || w[i-1] == "early" || w[i-1] == "late") && !ref.IsZero() {
				y := yearNear(ref, m)
				if w[i-1] == "last" && m >= ref.Month() {
					y = ref.Year() - 1
				}
				return fmt.Sprintf("%04d-%02d", y, m)
			}
		}
		if wd, ok := weekdays[w[i]]; ok && !ref.IsZero() {
			return weekdayNear(ref, wd, future).Format("2006-01-02")
		}
		if y, ok := year(w[i]); ok && i > 0 {
			switch w[i-1] {
			case "in", "since", "until", "by", "of", "from", "during", "early", "late", "mid":
				return strconv.Itoa(y)
			}
		}
		if ref.IsZero() {
			continue
		}
		switch w[i] {
		case "yesterday":
			return ref.AddDate(0, 0, -1).Format("2006-01-02")
		case "today", "tonight":
			return ref.Format("2006-01-02")
		case "tomorrow":
			return ref.AddDate(0, 0, 1).Format("2006-01-02")
		}
		if i+1 < n && (w[i] == "last" || w[i] == "next" || w[i] == "this") {
			k := map[string]int{"last": -1, "next": 1, "this": 0}[w[i]]
			switch w[i+1] {
			case "year":
				return strconv.Itoa(ref.Year() + k)
			case "month":
				return ref.AddDate(0, k, 0).Format("2006-01")
			case "week":
				return ref.AddDate(0, 0, 7*k).Format("2006-01-02")
			}
		}
		if i+2 < n && w[i] == "of" && w[i+1] == "last" && w[i+2] == "year" {
			return strconv.Itoa(ref.Year() - 1)
		}
	}
	return ""
}

func dayNumber(s string) (int, bool) {
	s = strings.TrimRight(s, "stndrh,")
	d, err := strconv.Atoi(s)
	return d, err == nil && d >= 1 && d <= 31
}

func year(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	return y, err == nil && y >= 1000 && y <= 2199
}

func ymd(y int, m time.Month, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) }

// yearNear picks the year that puts a month closest before (or just after)
// the reference date.
func yearNear(ref time.Time, m time.Month) int {
	if int(m) > int(ref.Month())+2 {
		return ref.Year() - 1
	}
	return ref.Year()
}

// weekdayNear finds the named weekday in the week before the reference
// date, or after it for statements about the future.
func weekdayNear(ref time.Time, wd time.Weekday, future bool) time.Time {
	diff := int(ref.Weekday()) - int(wd)
	if future {
		diff = int(wd) - int(ref.Weekday())
		if diff <= 0 {
			diff += 7
		}
		return ref.AddDate(0, 0, diff)
	}
	if diff < 0 {
		diff += 7
	}
	return ref.AddDate(0, 0, -diff)
}
