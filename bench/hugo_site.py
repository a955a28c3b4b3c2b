#!/usr/bin/env python3
"""Convert a sitrep project (as written by bench/generate.py) into a data-driven Hugo site.

    bench/hugo_site.py --project DIR --out HUGO_DIR

This is a timing peer for `sitrep build`, not a reimplementation. The converter only moves
files and rewrites syntax; it computes no figure. Everything a reader sees is computed by Hugo
at build time from the same CSV and YAML files:

  * each report becomes a leaf bundle content/<series>/<period>/index.md, with the period's CSV
    files and figures.yml copied beside it as page resources;
  * a partial (layouts/partials/figures.html, computed once per page and kept in its Scratch) reads every
    CSV with `transform.Unmarshal` and computes the same family of figures sitrep computes with
    no configuration: T.total; per dimension value its sum, share and rank; count, list and
    top1..top10 with total/share/other/other.share/other.count/other.list; per pair of
    dimensions the sums and the share of the parent. figures.yml is flattened into the same map;
  * every `{{ name | filter: arg }}` placeholder of the narrative becomes the shortcode
    `{{< fig n="name" f="filter" a="arg" >}}` (NOT pre-substituted): the shortcode looks the name
    up in the page's figure map and formats it (thousands, per cent, words, lists, dates). Names
    ending in .previous, .change, .change.relative, .period or .cumulative are computed on demand
    from the previous page (`prev` in the front matter) or from the section's earlier pages;
  * every ```sitrep-table block becomes `{{< sitrep-table ... >}}`, which builds the HTML table
    (rows, optional columns, sort by total, top N + Other row, share column, totals row) from
    the figure map;
  * layouts render a report page (key figures with their change, narrative, notes, pager), a
    page per series, a home page, RSS and a sitemap, plus index.json per report (the page's
    figure map, like sitrep's figures.json), with sitrep's default stylesheet.

Differences that remain (documented in docs/performance.md): Hugo renders Markdown with
Goldmark, not cmark; it computes time-derived figures only for the names a page uses (sitrep
computes .previous/.change for every number of every report); it does no validation (unknown
names print nothing, no CSV checks, no stated-figure cross-checks, no sentence-start warnings);
and it builds pages in parallel on all cores. Standard library only.
"""

import argparse
import os
import re
import shutil
import sys

PLACEHOLDER = re.compile(r"\{\{\s*([^|}]+?)\s*(?:\|\s*([A-Za-z]+)\s*(?::\s*([^}]*?))?\s*)?\}\}")
FENCE = re.compile(r"^```sitrep-table[ \t]*\n(.*?)^```[ \t]*$", re.S | re.M)


def q(text):
    """A double-quoted string for YAML front matter and shortcode arguments."""
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def parse_series_yml(text):
    """The few keys of series.yml the site needs: title, office, onset, and per table its value
    column and whether it counts since 1 January. A small indentation parser, enough for the
    files bench/generate.py writes (and the example's)."""
    out = {"title": "", "office": "", "onset": "", "tables": {}}
    table = None
    in_tables = False
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        key, _, value = line.strip().partition(":")
        value = value.strip().strip('"')
        if indent == 0:
            in_tables = key == "tables"
            if key in ("title", "office", "onset"):
                out[key] = value
        elif in_tables and indent == 2:
            table = key
            out["tables"][table] = {}
        elif in_tables and table and indent >= 4:
            out["tables"][table][key] = value
    return out


def convert_narrative(body):
    def table(match):
        options = {}
        for line in match.group(1).splitlines():
            key, _, value = line.partition(":")
            if key.strip():
                options[key.strip()] = value.split(" #", 1)[0].strip()
        args = " ".join(f"{k}={q(v)}" for k, v in options.items())
        return "{{< sitrep-table " + args + " >}}"

    def placeholder(match):
        name, filt, arg = match.group(1), match.group(2) or "", (match.group(3) or "").strip()
        return "{{< fig n=" + q(name) + " f=" + q(filt) + " a=" + q(arg) + " >}}"

    body = PLACEHOLDER.sub(placeholder, body)
    return FENCE.sub(table, body)


def split_front_matter(text):
    if not text.startswith("---\n"):
        return "", text
    end = text.index("\n---\n", 4)
    return text[4:end], text[end + 5:]


def period_dates(name):
    """(start, end) of a YYYY-MM period folder, as ISO dates."""
    year, month = int(name[:4]), int(name[5:7])
    if month == 2:
        last = 29 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28
    else:
        last = 30 if month in (4, 6, 9, 11) else 31
    return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"


def convert(project, out):
    content = os.path.join(project, "content")
    site_title = "Situation reports"
    for line in read(os.path.join(project, "sitrep.yml")).splitlines():
        if line.startswith("title:"):
            site_title = line.partition(":")[2].strip().strip('"')
    write(os.path.join(out, "config.toml"), CONFIG.replace("@TITLE@", site_title.replace('"', '\\"')))
    for name, text in LAYOUTS.items():
        write(os.path.join(out, "layouts", name), text.lstrip("\n"))
    css = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "SitrepSite", "Defaults", "sitrep.css")
    write(os.path.join(out, "static", "assets", "sitrep.css"), read(css) if os.path.exists(css) else "")
    write(os.path.join(out, "content", "_index.md"), f"---\ntitle: {q(site_title)}\n---\n")
    reports = 0
    for series in sorted(os.listdir(content)):
        folder = os.path.join(content, series)
        if series.startswith(".") or not os.path.isdir(folder):
            continue
        config = parse_series_yml(read(os.path.join(folder, "series.yml")))
        value_columns = {t: d["value"] for t, d in config["tables"].items() if "value" in d}
        since_year = [t for t, d in config["tables"].items() if d.get("since") == "year"]
        titles = {t: d["title"] for t, d in config["tables"].items() if "title" in d}
        lines = ["---", f"title: {q(config['title'])}", f"office: {q(config['office'])}", f"onset: {config['onset']}",
                 "value_columns:"] + [f"  {t}: {q(v)}" for t, v in sorted(value_columns.items())]
        lines += ["since_year: [" + ", ".join(since_year) + "]", "table_titles:"]
        lines += [f"  {t}: {q(v)}" for t, v in sorted(titles.items())] + ["---", ""]
        write(os.path.join(out, "content", series, "_index.md"), "\n".join(lines))
        periods = sorted(p for p in os.listdir(folder) if re.fullmatch(r"\d{4}-\d{2}", p))
        for index, period in enumerate(periods):
            source = os.path.join(folder, period)
            target = os.path.join(out, "content", series, period)
            os.makedirs(target, exist_ok=True)
            for name in sorted(os.listdir(source)):
                if name.endswith(".csv") or name == "figures.yml":
                    shutil.copyfile(os.path.join(source, name), os.path.join(target, name))
            front, body = split_front_matter(read(os.path.join(source, "report.md")))
            start, end = period_dates(period)
            as_of = re.search(r"^as_of:\s*(\S+)", front, re.M)
            extra = [f"date: {as_of.group(1) if as_of else end}", f"period_start: {start}", f"period_end: {end}",
                     f"prev: {q('/' + series + '/' + periods[index - 1]) if index > 0 else q('')}",
                     f"next: {q('/' + series + '/' + periods[index + 1]) if index + 1 < len(periods) else q('')}",
                     "_build: {publishResources: false}"]
            if not as_of:
                extra.append(f"as_of: {end}")
            write(os.path.join(target, "index.md"), "---\n" + front + "\n" + "\n".join(extra) + "\n---\n" + convert_narrative(body))
            reports += 1
    return reports


CONFIG = """\
baseURL = "https://example.org/sitreps/"
title = "@TITLE@"
languageCode = "en"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term"]
enableRobotsTXT = false
relativeURLs = true
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  page = ["HTML", "JSON"]
[markup.goldmark.renderer]
  unsafe = false
"""

LAYOUTS = {}

LAYOUTS["_default/baseof.html"] = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }}{{ end }}</title>
<meta name="description" content="{{ block "description" . }}{{ .Title }}{{ end }}">
<link rel="stylesheet" href="{{ "assets/sitrep.css" | relURL }}">
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="site-header"><p class="site-title"><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
<nav aria-label="Breadcrumb"><ol>{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol></nav>
</header>
<main id="main" class="page">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><p>{{ site.Title }}</p></footer>
</body>
</html>
"""

LAYOUTS["_default/single.html"] = """
{{ define "title" }}{{ .Title }} — {{ .Date.Format "January 2006" }}{{ end }}
{{ define "description" }}{{ .CurrentSection.Title }}: situation report, {{ .Date.Format "January 2006" }}{{ end }}
{{ define "main" }}
{{- $figs := partial "figs.html" . -}}
<article class="report">
  <header class="report-header">
    <p class="kicker">{{ .CurrentSection.Title }}</p>
    <h1>{{ .Title }}</h1>
    <dl class="report-meta">
      <div><dt>Reporting period</dt><dd>{{ .Date.Format "January 2006" }}</dd></div>
      <div><dt>Data as of</dt><dd>{{ (time.AsTime .Params.as_of).Format "2 January 2006" }}</dd></div>
      <div><dt>Office</dt><dd>{{ .CurrentSection.Params.office }}</dd></div>
    </dl>
  </header>
  {{- with .Params.key_figures }}
  <section class="key-figures" aria-labelledby="key-figures-title">
    <h2 id="key-figures-title">Key figures</h2>
    <ul class="figures">
    {{- range . }}
      {{- $v := partial "resolve.html" (dict "page" $.Page "name" .figure) }}
      <li><span class="figure-value">{{ partial "format.html" (dict "v" $v "f" "" "a" "") }}</span> <span class="figure-label">{{ .label }}</span>
      {{- if $.Params.prev }}{{ $c := partial "resolve.html" (dict "page" $.Page "name" (printf "%s.change" .figure)) }}{{ if ne $c nil }} <span class="figure-change">({{ if ge $c 0 }}+{{ end }}{{ partial "format.html" (dict "v" $c "f" "" "a" "") }} on the previous report)</span>{{ end }}{{ end }}</li>
    {{- end }}
    </ul>
  </section>
  {{- end }}
  <div class="report-body">
{{ .Content }}
  </div>
  {{- with .Params.notes }}
  <section class="report-notes"><h2>Notes</h2><ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul></section>
  {{- end }}
</article>
<nav class="pager" aria-label="Reports in this series"><ul>
  {{- with .Params.prev }}{{ with site.GetPage . }}<li class="pager-prev"><a href="{{ .RelPermalink }}" rel="prev">Previous report <span class="pager-label">{{ .Date.Format "January 2006" }}</span></a></li>{{ end }}{{ end }}
  <li class="pager-all"><a href="{{ .CurrentSection.RelPermalink }}">All reports</a></li>
  {{- with .Params.next }}{{ with site.GetPage . }}<li class="pager-next"><a href="{{ .RelPermalink }}" rel="next">Next report <span class="pager-label">{{ .Date.Format "January 2006" }}</span></a></li>{{ end }}{{ end }}
</ul></nav>
{{ end }}
"""

LAYOUTS["_default/single.json"] = """{{ partial "figs.html" . | jsonify (dict "indent" " ") }}
"""

LAYOUTS["_default/list.html"] = """
{{ define "main" }}
{{- if .IsHome }}
<h1>{{ site.Title }}</h1>
<ul class="series-list">
{{- range .Sections }}
  {{- $latest := index .RegularPages.ByDate.Reverse 0 }}
  <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span>{{ .Params.office }}</span> <span>{{ len .RegularPages }} reports</span>
  {{- with $latest }}, latest <a href="{{ .RelPermalink }}">{{ .Date.Format "January 2006" }}</a>{{ end }}</li>
{{- end }}
</ul>
{{- else }}
<p class="kicker">{{ .Params.office }}</p>
<h1>{{ .Title }}</h1>
<ol class="report-list">
{{- range .RegularPages.ByDate.Reverse }}
  {{- $p := . }}
  <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span>{{ .Date.Format "January 2006" }}</span>
  <ul class="figures">{{ range .Params.key_figures }}<li><span class="figure-value">{{ partial "format.html" (dict "v" (partial "resolve.html" (dict "page" $p "name" .figure)) "f" "" "a" "") }}</span> {{ .label }}</li>{{ end }}</ul></li>
{{- end }}
</ol>
{{- end }}
{{ end }}
"""

# Every figure sitrep computes from a table with no configuration, plus stated and report figures.
LAYOUTS["partials/figures.html"] = """
{{- $p := . -}}
{{- $out := newScratch -}}
{{- $sec := $p.CurrentSection -}}
{{- $valueColumns := $sec.Params.value_columns | default dict -}}
{{- range $res := $p.Resources.Match "*.csv" -}}
  {{- $t := strings.TrimSuffix ".csv" $res.Name -}}
  {{- $rows := $res | transform.Unmarshal -}}
  {{- $header := index $rows 0 -}}
  {{- $vname := index $valueColumns $t | default "count" -}}
  {{- $vi := 0 -}}
  {{- $dims := slice -}}
  {{- range $i, $h := $header -}}{{- if eq $h $vname -}}{{- $vi = $i -}}{{- else -}}{{- $dims = $dims | append $i -}}{{- end -}}{{- end -}}
  {{- $s := newScratch -}}
  {{- $total := 0 -}}
  {{- $data := after 1 $rows -}}
  {{- range $row := $data -}}
    {{- $v := int (index $row $vi) -}}
    {{- $total = add $total $v -}}
    {{- range $a, $d := $dims -}}
      {{- $key := printf "%s.%s.%s" $t (index $header $d) (index $row $d) -}}
      {{- if not ($s.Get (printf "seen|%s" $key)) -}}
        {{- $s.Set (printf "seen|%s" $key) true -}}
        {{- $s.Add (printf "order|%d" $d) (slice (index $row $d)) -}}
      {{- end -}}
      {{- $s.Add $key $v -}}
      {{- range $b, $e := $dims -}}{{- if gt $b $a -}}
        {{- $s.Add (printf "%s.%s.%s" $key (index $header $e) (index $row $e)) $v -}}
      {{- end -}}{{- end -}}
    {{- end -}}
  {{- end -}}
  {{- $out.SetInMap "f" (printf "%s.total" $t) $total -}}
  {{- range $d := $dims -}}
    {{- $prefix := printf "%s.%s" $t (index $header $d) -}}
    {{- $groups := slice -}}
    {{- range $pos, $name := $s.Get (printf "order|%d" $d) -}}
      {{- $sum := $s.Get (printf "%s.%s" $prefix $name) -}}
      {{- $groups = $groups | append (dict "name" $name "total" $sum "key" (sub (mul $sum 100000) $pos)) -}}
      {{- $out.SetInMap "f" (printf "%s.%s" $prefix $name) $sum -}}
      {{- if gt $total 0 }}{{ $out.SetInMap "f" (printf "%s.%s.share" $prefix $name) (div (float $sum) $total) }}{{ end -}}
    {{- end -}}
    {{- $names := slice -}}
    {{- $running := slice -}}
    {{- $acc := 0 -}}
    {{- range $r, $g := sort $groups "key" "desc" -}}
      {{- $out.SetInMap "f" (printf "%s.%s.rank" $prefix $g.name) (add $r 1) -}}
      {{- $names = $names | append $g.name -}}
      {{- $acc = add $acc $g.total -}}
      {{- $running = $running | append $acc -}}
    {{- end -}}
    {{- $n := len $names -}}
    {{- $out.SetInMap "f" (printf "%s.count" $prefix) $n -}}
    {{- $out.SetInMap "f" (printf "%s.list" $prefix) $names -}}
    {{- $out.SetInMap "f" (printf "_order.%s" $prefix) ($s.Get (printf "order|%d" $d)) -}}
    {{- if gt $n 1 -}}
      {{- range $k := seq 1 (cond (gt $n 11) 10 (sub $n 1)) -}}
        {{- $top := printf "%s.top%d" $prefix $k -}}
        {{- $topTotal := index $running (sub $k 1) -}}
        {{- $other := sub $total $topTotal -}}
        {{- $out.SetInMap "f" $top (first $k $names) -}}
        {{- $out.SetInMap "f" (printf "%s.total" $top) $topTotal -}}
        {{- $out.SetInMap "f" (printf "%s.share" $top) (div (float $topTotal) $total) -}}
        {{- $out.SetInMap "f" (printf "%s.other" $top) $other -}}
        {{- $out.SetInMap "f" (printf "%s.other.share" $top) (div (float $other) $total) -}}
        {{- $out.SetInMap "f" (printf "%s.other.count" $top) (sub $n $k) -}}
        {{- $out.SetInMap "f" (printf "%s.other.list" $top) (after $k $names) -}}
      {{- end -}}
    {{- end -}}
  {{- end -}}
  {{- /* pairs of dimensions: the sum, and its share of the parent */ -}}
  {{- range $row := $data -}}
    {{- range $a, $d := $dims -}}
      {{- $parent := printf "%s.%s.%s" $t (index $header $d) (index $row $d) -}}
      {{- range $b, $e := $dims -}}{{- if gt $b $a -}}
        {{- $name := printf "%s.%s.%s" $parent (index $header $e) (index $row $e) -}}
        {{- $sum := $s.Get $name -}}
        {{- $out.SetInMap "f" $name $sum -}}
        {{- $pt := $s.Get $parent -}}
        {{- if gt $pt 0 }}{{ $out.SetInMap "f" (printf "%s.share" $name) (div (float $sum) $pt) }}{{ end -}}
      {{- end -}}{{- end -}}
    {{- end -}}
  {{- end -}}
{{- end -}}
{{- with $p.Resources.GetMatch "figures.yml" -}}
  {{- partial "flatten.html" (dict "prefix" "" "m" (. | transform.Unmarshal) "out" $out) -}}
{{- end -}}
{{- $out.SetInMap "f" "period.start" $p.Params.period_start -}}
{{- $out.SetInMap "f" "period.end" $p.Params.period_end -}}
{{- $out.SetInMap "f" "period.as_of" $p.Params.as_of -}}
{{- $out.SetInMap "f" "series.onset" $sec.Params.onset -}}
{{- $out.SetInMap "f" "series.title" $sec.Title -}}
{{- $out.SetInMap "f" "series.office" $sec.Params.office -}}
{{- $out.SetInMap "f" "report.title" $p.Title -}}
{{- return $out.Get "f" -}}
"""

# The page's figure map, computed once per page and kept in the page's Scratch. (partialCached
# would do the same, but in Hugo 0.111 it made the build run on one core.)
LAYOUTS["partials/figs.html"] = """
{{- $p := . -}}
{{- $f := $p.Scratch.Get "sitrep-figures" -}}
{{- if not $f }}{{ $f = partial "figures.html" $p }}{{ $p.Scratch.Set "sitrep-figures" $f }}{{ end -}}
{{- return $f -}}
"""

LAYOUTS["partials/flatten.html"] = """
{{- $out := .out -}}
{{- $prefix := .prefix -}}
{{- range $k, $v := .m -}}
  {{- $name := cond (eq $prefix "") $k (printf "%s.%s" $prefix $k) -}}
  {{- if reflect.IsMap $v -}}
    {{- partial "flatten.html" (dict "prefix" $name "m" $v "out" $out) -}}
  {{- else -}}
    {{- $out.SetInMap "f" $name $v -}}
  {{- end -}}
{{- end -}}
"""

# A figure's value, including the time-derived names; nil when it cannot be computed.
LAYOUTS["partials/resolve.html"] = """
{{- $p := .page -}}
{{- $name := .name -}}
{{- $figs := partial "figs.html" $p -}}
{{- $v := index $figs $name -}}
{{- if and (eq $v nil) (not (isset $figs $name)) -}}
  {{- $prev := cond (ne $p.Params.prev "") (site.GetPage $p.Params.prev) nil -}}
  {{- if strings.HasSuffix $name ".change.relative" -}}
    {{- $base := strings.TrimSuffix ".change.relative" $name -}}
    {{- with $prev -}}
      {{- $a := partial "resolve.html" (dict "page" $p "name" $base) -}}
      {{- $b := partial "resolve.html" (dict "page" . "name" $base) -}}
      {{- if and (ne $b nil) (ne $b 0) }}{{ $v = div (float (sub $a $b)) $b }}{{ end -}}
    {{- end -}}
  {{- else if strings.HasSuffix $name ".change" -}}
    {{- $base := strings.TrimSuffix ".change" $name -}}
    {{- with $prev -}}
      {{- $b := partial "resolve.html" (dict "page" . "name" $base) -}}
      {{- if ne $b nil }}{{ $v = sub (partial "resolve.html" (dict "page" $p "name" $base)) $b }}{{ end -}}
    {{- end -}}
  {{- else if strings.HasSuffix $name ".previous" -}}
    {{- with $prev }}{{ $v = partial "resolve.html" (dict "page" . "name" (strings.TrimSuffix ".previous" $name)) }}{{ end -}}
  {{- else if strings.HasSuffix $name ".cumulative" -}}
    {{- $base := strings.TrimSuffix ".cumulative" $name -}}
    {{- $sum := 0 -}}
    {{- range where $p.CurrentSection.RegularPages "Date" "le" $p.Date -}}
      {{- $sum = add $sum (index (partial "figs.html" .) $base | default 0) -}}
    {{- end -}}
    {{- $v = $sum -}}
  {{- else if strings.HasSuffix $name ".period" -}}
    {{- $base := strings.TrimSuffix ".period" $name -}}
    {{- $cur := partial "resolve.html" (dict "page" $p "name" $base) -}}
    {{- $v = $cur -}}
    {{- $table := index (split $base ".") 0 -}}
    {{- with $prev -}}
      {{- if or (not (in $p.CurrentSection.Params.since_year $table)) (eq (.Date.Year) ($p.Date.Year)) -}}
        {{- $v = sub $cur (partial "resolve.html" (dict "page" . "name" $base) | default 0) -}}
      {{- end -}}
    {{- end -}}
  {{- end -}}
{{- end -}}
{{- return $v -}}
"""

LAYOUTS["partials/format.html"] = """
{{- $v := .v -}}
{{- $f := .f -}}
{{- $a := .a -}}
{{- $out := "" -}}
{{- if eq $v nil -}}
{{- else if eq $f "percent" -}}
  {{- $out = printf "%s per cent" (lang.FormatNumberCustom (int (default "1" $a)) (mul (float $v) 100)) -}}
{{- else if eq $f "words" -}}
  {{- $words := slice "zero" "one" "two" "three" "four" "five" "six" "seven" "eight" "nine" -}}
  {{- if and (ge $v 0) (le $v 9) }}{{ $out = index $words (int $v) }}{{ else }}{{ $out = lang.FormatNumberCustom 0 $v }}{{ end -}}
{{- else if eq $f "date" -}}
  {{- $t := time.AsTime $v -}}
  {{- if eq $a "short" }}{{ $out = $t.Format "2 January" }}{{ else if eq $a "iso" }}{{ $out = $t.Format "2006-01-02" }}{{ else }}{{ $out = $t.Format "2 January 2006" }}{{ end -}}
{{- else if reflect.IsSlice $v -}}
  {{- if and (eq $a "serial") (gt (len $v) 2) }}{{ $out = delimit $v ", " ", and " }}{{ else }}{{ $out = delimit $v ", " " and " }}{{ end -}}
{{- else if eq $f "decimals" -}}
  {{- $out = lang.FormatNumberCustom (int (default "0" $a)) $v -}}
{{- else if or (eq (printf "%T" $v) "int") (eq (printf "%T" $v) "int64") (eq (printf "%T" $v) "float64") -}}
  {{- if eq (printf "%T" $v) "float64" }}{{ if eq $v (math.Floor $v) }}{{ $out = lang.FormatNumberCustom 0 $v }}{{ else }}{{ $out = lang.FormatNumberCustom 2 $v }}{{ end }}{{ else }}{{ $out = lang.FormatNumberCustom 0 $v }}{{ end -}}
{{- else if eq (printf "%T" $v) "time.Time" -}}
  {{- $out = $v.Format "2 January 2006" -}}
{{- else if and (eq (printf "%T" $v) "string") (findRE `^\\d{4}-\\d{2}-\\d{2}$` $v) -}}
  {{- $out = (time.AsTime $v).Format "2 January 2006" -}}
{{- else -}}
  {{- $out = $v -}}
{{- end -}}
{{- return $out -}}
"""

LAYOUTS["shortcodes/fig.html"] = """
{{- $v := partial "resolve.html" (dict "page" .Page "name" (.Get "n")) -}}
{{- partial "format.html" (dict "v" $v "f" (.Get "f") "a" (.Get "a")) -}}
"""

LAYOUTS["shortcodes/sitrep-table.html"] = """
{{- $figs := partial "figs.html" .Page -}}
{{- $t := .Get "table" -}}
{{- $rows := .Get "rows" -}}
{{- $cols := .Get "columns" -}}
{{- $top := int (.Get "top" | default "0") -}}
{{- $share := eq (.Get "share") "true" -}}
{{- $caption := .Get "caption" | default (index (.Page.CurrentSection.Params.table_titles | default dict) $t) -}}
{{- $total := index $figs (printf "%s.total" $t) -}}
{{- $names := index $figs (printf "%s.%s.list" $t $rows) -}}
{{- $colNames := cond (ne $cols "") (index $figs (printf "_order.%s.%s" $t $cols)) slice -}}
{{- $shown := $names -}}
{{- if and (gt $top 0) (lt $top (len $names)) }}{{ $shown = first $top $names }}{{ end -}}
<table class="sitrep-table">
<caption>{{ $caption }}</caption>
<thead><tr><th scope="col">{{ humanize $rows }}</th>{{ range $colNames }}<th scope="col">{{ strings.FirstUpper . }}</th>{{ end }}<th scope="col">Total</th>{{ if $share }}<th scope="col">Share</th>{{ end }}</tr></thead>
<tbody>
{{- range $r := $shown }}
<tr><th scope="row">{{ $r }}</th>
  {{- range $c := $colNames }}<td>{{ lang.FormatNumberCustom 0 (index $figs (printf "%s.%s.%s.%s.%s" $t $rows $r $cols $c) | default (index $figs (printf "%s.%s.%s.%s.%s" $t $cols $c $rows $r)) | default 0) }}</td>{{ end -}}
  {{- $v := index $figs (printf "%s.%s.%s" $t $rows $r) -}}
  <td>{{ lang.FormatNumberCustom 0 $v }}</td>{{ if $share }}<td>{{ lang.FormatNumberCustom 1 (mul 100 (div (float $v) $total)) }}%</td>{{ end }}</tr>
{{- end }}
{{- if lt (len $shown) (len $names) }}
{{- $rest := after (len $shown) $names }}
<tr><th scope="row">Other ({{ len $rest }})</th>
  {{- range $c := $colNames }}{{ $sum := 0 }}{{ range $r := $rest }}{{ $sum = add $sum (index $figs (printf "%s.%s.%s.%s.%s" $t $rows $r $cols $c) | default (index $figs (printf "%s.%s.%s.%s.%s" $t $cols $c $rows $r)) | default 0) }}{{ end }}<td>{{ lang.FormatNumberCustom 0 $sum }}</td>{{ end -}}
  {{- $o := index $figs (printf "%s.%s.top%d.other" $t $rows $top) -}}
  <td>{{ lang.FormatNumberCustom 0 $o }}</td>{{ if $share }}<td>{{ lang.FormatNumberCustom 1 (mul 100 (div (float $o) $total)) }}%</td>{{ end }}</tr>
{{- end }}
</tbody>
<tfoot><tr><th scope="row">Total</th>{{ range $c := $colNames }}<td>{{ lang.FormatNumberCustom 0 (index $figs (printf "%s.%s.%s" $t $cols $c)) }}</td>{{ end }}<td>{{ lang.FormatNumberCustom 0 $total }}</td>{{ if $share }}<td>100.0%</td>{{ end }}</tr></tfoot>
</table>
"""


def main(argv=None):
    parser = argparse.ArgumentParser(description="Convert a generated sitrep project into a Hugo site.")
    parser.add_argument("--project", required=True, help="the sitrep project (with sitrep.yml and content/)")
    parser.add_argument("--out", required=True, help="the Hugo site folder to write")
    args = parser.parse_args(argv)
    if os.path.exists(os.path.join(args.out, "content")):
        parser.error(f"{args.out}/content exists; use an empty folder")
    n = convert(args.project, args.out)
    print(f"wrote a Hugo site of {n} reports to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
