package packgen

import (
	"fmt"
	"strings"
)

// newDoc generates report number i (from 1) with an action plan of rows
// rows. Its text depends only on i and rows, so report 1 is the same in
// every preset.
func newDoc(i, rows int) *doc {
	t := newText(uint64(i))
	d := &doc{
		slug:    fmt.Sprintf("report-%03d", i),
		title:   fmt.Sprintf("%s (%d)", t.pick(titles), i),
		purpose: "To update the Committee on " + t.pick(objects) + ".",
		officer: t.pick(officers),
		phone:   fmt.Sprintf("01632 %06d", t.between(100000, 999999)),
	}
	d.plan = planRows(t, rows)
	d.planHeader = planHeader
	for _, part := range []func(*doc, text){purpose, background, findings, performance, progress, closing} {
		part(d, t)
	}
	return d
}

func (d *doc) add(b block) { d.blocks = append(d.blocks, b) }

func (d *doc) heading(k kind, title string) { d.add(block{kind: k, title: title}) }

func (d *doc) para(runs ...inline) { d.add(block{kind: paragraph, runs: runs}) }

func (d *doc) prose(t text, n int) { d.para(plainRuns(t.sentences(n))...) }

func (d *doc) list(t text, n int) {
	items := make([][]inline, n)
	for i := range items {
		items[i] = []inline{{text: t.phrase()}}
		if i%3 == 0 {
			items[i] = []inline{{text: t.pick(times) + ":", bold: true}, {text: " " + t.sentence()}}
		}
	}
	d.add(block{kind: bullets, items: items})
}

func purpose(d *doc, t text) {
	d.heading(section, "Purpose of the report")
	d.para(inline{text: "To provide the Committee with a progress update on the action plan, attached as "},
		inline{ref: "plan", bold: true}, inline{text: ". " + t.sentences(2)})
	d.prose(t, 2)
}

func background(d *doc, t text) {
	d.heading(section, "Background")
	d.prose(t, 2)
	d.heading(subsection, "Introduction")
	d.prose(t, 3)
	d.list(t, 5)
	d.add(block{kind: paragraph, label: "baseline", runs: plainRuns(t.sentences(4))})
	d.heading(subsection, "Current position")
	d.para(inline{text: t.sentences(2) + " "}, inline{text: "The baseline is described in", bold: true},
		inline{text: " "}, inline{ref: "baseline"}, inline{text: ". " + t.sentences(2)})
	d.heading(subheading, "Workforce")
	d.prose(t, 3)
	d.prose(t, 2)
	d.heading(subheading, "Quality assurance")
	d.prose(t, 3)
	d.list(t, 4)
}

func findings(d *doc, t text) {
	d.heading(section, "Inspection findings")
	d.para(inline{text: "The service was judged to be 'Good' overall. "},
		inline{count: &count{form: "judgements", source: "grades", noun: "sub judgements"}},
		inline{text: ", as the table shows."})
	d.add(block{kind: judgementTable, table: gradesTable(t)})
	d.list(t, 4)
	d.prose(t, 3)
}

func gradesTable(t text) *table {
	rows := [][]string{{"Overall effectiveness", "Good"}}
	for _, j := range []string{"Outcomes for children and young people", "Quality of service",
		"Safeguarding children and young people", "Leadership and management"} {
		rows = append(rows, []string{j, t.pick(grades)})
	}
	return &table{label: "grades", caption: "Inspection judgements", header: []string{"Judgement", "Grade"},
		rows: rows, overall: "Overall effectiveness"}
}

func performance(d *doc, t text) {
	d.heading(section, "Performance")
	d.prose(t, 2)
	tb := &table{caption: "Key indicators", header: []string{"Indicator", "2023/24", "2024/25", "Target"}}
	for range 6 {
		tb.rows = append(tb.rows, []string{t.phrase(), pct(t), pct(t), pct(t)})
	}
	d.add(block{kind: pipeTable, table: tb})
	d.prose(t, 3)
	d.prose(t, 2)
}

func pct(t text) string { return fmt.Sprintf("%d%%", t.between(40, 99)) }

func progress(d *doc, t text) {
	d.heading(section, "Action plan progress")
	d.heading(subsection, "Progress to date")
	d.para(inline{text: "A detailed update of progress against each action is attached as "},
		inline{ref: "plan", bold: true}, inline{text: ". Every area has begun implementation with "},
		inline{count: &count{form: "all", source: "plan", noun: "actions"}}, inline{text: "."})
	d.para(inline{count: &count{form: "of", source: "plan", filter: "formal", noun: "formal areas for improvement"}},
		inline{text: ". A summary of the progress is in the table below."})
	d.add(block{kind: ragTable})
	d.prose(t, 3)
	for _, h := range []string{"Case file audits", "Training"} {
		d.heading(subheading, h)
		d.prose(t, 3)
	}
	d.list(t, 3)
	d.add(block{kind: paragraph, cont: true, runs: plainRuns(t.sentences(2))})
	d.prose(t, 2)
}

func closing(d *doc, t text) {
	d.heading(section, "Financial implications")
	d.prose(t, 2)
	d.heading(section, "Recommendations")
	d.para(inline{text: "The Committee is asked to note the progress set out in "}, inline{ref: "baseline"},
		inline{text: " and " + strings.ToLower(t.sentence())})
	d.para(inline{text: "The background papers are listed at "}, inline{ref: "background"},
		inline{text: ". " + t.sentence()})
}

// planRows makes an action plan of n rows over three services, with
// multi-line progress cells.
func planRows(t text, n int) [][]string {
	rows := make([][]string, n)
	for i := range rows {
		svc := i * len(services) / n
		lines := make([]string, t.between(1, 3))
		for j := range lines {
			lines[j] = t.phrase()
		}
		formal := "No"
		if i%3 != 2 {
			formal = "Yes"
		}
		rows[i] = []string{
			fmt.Sprintf("%c%d", 'A'+svc, i+1), services[svc], times[(i*9/n)%len(times)],
			t.phrase(), formal, t.pick(ratings),
			strings.Join(lines, "\n"), t.pick(officers), fmt.Sprintf("%d March 2026", t.between(1, 31)),
		}
	}
	return rows
}
