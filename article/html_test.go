package article

import (
	"strings"
	"testing"
)

const newsPage = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ferry terminal opens | Lisvik Courier</title>
  <meta property="og:title" content="Second ferry terminal opens in Lisvik">
  <meta property="og:site_name" content="Lisvik Courier">
  <meta property="og:url" content="https://courier.example/ferry?utm=x">
  <meta property="article:published_time" content="2021-06-04T18:20:00+02:00">
  <link rel="canonical" href="https://courier.example/news/ferry-terminal">
  <style>p { color: red }</style>
  <script>var tracking = "Do not read me";</script>
</head>
<body>
  <header><a href="/">Lisvik Courier</a><nav><ul><li>News</li><li>Sport</li></ul></nav></header>
  <div class="cookie-banner">We use cookies.</div>
  <main>
    <article>
      <header><h1>Second ferry terminal opens</h1></header>
      <ul class="share-tools"><li>Share on social media</li></ul>
      <p>The harbour authority of <b>Lisvik</b> opened a second
         ferry   terminal on Friday, &ldquo;ahead of schedule&rdquo;.</p>
      <figure><img src="t.jpg" alt="The terminal"><figcaption>The new terminal. Photo: Staff</figcaption></figure>
      <p>Officials said waiting times would fall by half.<br>Commuters welcomed the news.</p>
      <div id="newsletterSignup"><p>Sign up for our newsletter!</p><form><button>Subscribe</button></form></div>
      <blockquote>It is a good day for the town, the mayor said.</blockquote>
      <table><tr><td>Ferries</td><td>12</td></tr></table>
      <p hidden>Hidden text.</p>
      <aside>Related: Port strike ends</aside>
      <div class="related-stories"><a href="/x">Bridge closes</a></div>
      <noscript>Enable JavaScript.</noscript>
      <p class="photo-credit">Photo: J. Doe</p>
      <time datetime="2020-01-01"></time>
    </article>
    <section class="comments"><p>First!</p></section>
  </main>
  <footer>Copyright Lisvik Courier</footer>
  <script>document.write("Not article text")</script>
</body>
</html>`

func TestReadHTML(t *testing.T) {
	a, err := readHTML(strings.NewReader(newsPage), "ferry", DefaultMaxBytes)
	if err != nil {
		t.Fatal(err)
	}
	want := "The harbour authority of Lisvik opened a second ferry terminal on Friday, \u201cahead of schedule\u201d.\n\n" +
		"Officials said waiting times would fall by half.\n\n" +
		"Commuters welcomed the news.\n\n" +
		"It is a good day for the town, the mayor said.\n\n" +
		"Ferries 12"
	if a.Text != want {
		t.Errorf("text:\n got  %q\n want %q", a.Text, want)
	}
	if a.ID != "ferry" || a.Title != "Second ferry terminal opens in Lisvik" || a.Date != "2021-06-04" ||
		a.URL != "https://courier.example/news/ferry-terminal" || a.Source != "Lisvik Courier" {
		t.Errorf("metadata: %+v", a)
	}
}

func TestReadHTMLFallbacks(t *testing.T) {
	tests := []struct {
		name, in               string
		title, date, url, text string
	}{
		{
			name:  "title element, time element, og:url",
			in:    `<html><head><title> Bridge  funding approved </title><meta property="og:url" content="https://example.org/bridge"></head><body><p>The council approved the footbridge.</p><p>Posted <time datetime="2022-09-12T08:00:00Z">Monday</time></p></body></html>`,
			title: "Bridge funding approved",
			date:  "2022-09-12",
			url:   "https://example.org/bridge",
			text:  "The council approved the footbridge.\n\nPosted Monday",
		},
		{
			name:  "first h1, meta date",
			in:    `<html><head><meta name="date" content="2022-09-12"></head><body><h1>Orchards thrive</h1><p>Growers reported a record harvest.</p></body></html>`,
			title: "Orchards thrive",
			date:  "2022-09-12",
			text:  "Orchards thrive\n\nGrowers reported a record harvest.",
		},
		{
			name:  "main without article",
			in:    `<body><div class="menu">Home</div><main><h2>Harvest</h2><p>Growers reported a record harvest &amp; higher prices.</p></main><div>Unrelated footer text</div></body>`,
			title: "",
			text:  "Harvest\n\nGrowers reported a record harvest & higher prices.",
		},
		{
			name: "longest article wins",
			in:   `<body><article><p>Short teaser.</p></article><article><p>The full story, which is much longer than the teaser.</p></article></body>`,
			text: "The full story, which is much longer than the teaser.",
		},
		{
			name: "boilerplate words on the page's wrappers",
			in:   `<body class="single-post has-sidebar"><div class="layout with-comments"><article class="post menu-offset"><p>The story.</p><div class="share">Share</div></article><div class="comments">Nice!</div></div></body>`,
			text: "The story.",
		},
		{
			name: "unparsable date is left out",
			in:   `<head><meta property="article:published_time" content="last week"></head><body><p>Text.</p></body>`,
			text: "Text.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := readHTML(strings.NewReader(tt.in), "p", DefaultMaxBytes)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.Date != tt.date || a.URL != tt.url {
				t.Errorf("got title %q date %q url %q", a.Title, a.Date, a.URL)
			}
			if a.Text != tt.text {
				t.Errorf("text:\n got  %q\n want %q", a.Text, tt.text)
			}
		})
	}
}

func TestReadHTMLBad(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<html><head><script>var a = 1;</script></head><body><nav>Home</nav><script>go()</script></body></html>`, "no article text in HTML"},
		{`<html><body>   </body></html>`, "no article text in HTML"},
		{"<html><body><p>Z\xfcrich</p></body></html>", "invalid UTF-8 at byte 16"},
		{"   \n ", "empty article"},
	}
	for _, tt := range tests {
		_, err := readHTML(strings.NewReader(tt.in), "x", DefaultMaxBytes)
		if err == nil || err.Error() != tt.want {
			t.Errorf("readHTML(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	got := words("newsletterSignup share-bar  ad_slot2 Lead")
	equal(t, "words", got, []string{"newsletter", "signup", "share", "bar", "ad", "slot", "lead"})
}
