// Package coderoom is CodeRoom's Go harness: compiled once into a prebuilt archive that every run links, next to the
// standard library. The generated judge_call.go (package main) aliases ListNode and TreeNode to the types here and
// calls Run with the typed call site: a Codec per parameter and result, composed from the ones below. It speaks
// docs/harness-protocol.md: H once up, one R line per test on fd 3.
//
// Everything here runs in the candidate's process and is untrusted by the judge: it parses, calls and serialises;
// the supervisor outside times and compares.
//
// It imports as little as it can: no fmt, reflect, os, bufio or strings. The linker reads every package a program
// imports, used or not, and those five and what they import cost a fresh Run ~15 ms of link (docs/benchmarks.md);
// a solution that imports them pays for them itself, as it would at a terminal. bytes stays: its IndexByte scans a
// megabyte line five times faster than a loop (the test's CPU pays for reading its line), for no measurable link.
package coderoom

import (
	"bytes"
	"errors"
	"math"
	"runtime"
	"strconv"
	"syscall"
	"unicode/utf8"
	_ "unsafe" // go:linkname
)

// The runtime's own implementations behind debug.SetMaxStack and os.Args, which it marks for these packages by
// //go:linkname, so that this package reaches them without importing runtime/debug and os (and with them fmt). The
// toolchain is pinned (Go 1.23); a change there fails the Go judge tests, not quietly.
//
//go:linkname setMaxStack runtime/debug.setMaxStack
func setMaxStack(bytes int) int

//go:linkname runtimeArgs os.runtime_args
func runtimeArgs() []string

// ListNode is LeetCode's singly-linked list node.
type ListNode struct {
	Val  int
	Next *ListNode
}

// TreeNode is LeetCode's binary tree node.
type TreeNode struct {
	Val   int
	Left  *TreeNode
	Right *TreeNode
}

// Guards against cyclic lists and trees in a return value.
const maxNodes = 10_000_000

const (
	stdoutFd  = 1
	stderrFd  = 2
	controlFd = 3
)

var (
	input = lineReader{buf: make([]byte, 0, 1<<16)}
	nonce string
	// The header was read and H written (false when stdin was empty).
	up bool
)

// init runs before package main's: the candidate's package-level variables and init functions run after H, so they
// are charged to the first test, as Python's module code is.
func init() {
	header, ok := input.line()
	if !ok && header == "" {
		return
	}
	nonce = headerNonce(header)
	up = true
	writeControl([]byte("H"))
}

// Test is one test: its index, and its input line, decoded argument by argument straight into the parameters' types
// (no intermediate tree: 10^6 integers cost the []int and the line, as in the other languages).
type Test struct {
	index string
	in    *parser
	pos   int
	err   error
}

// Run reads one test at a time (the supervisor writes the next only after this one's result) and calls body.
func Run(body func(t *Test)) {
	if args := runtimeArgs(); len(args) > 1 {
		// The goroutine stack limit: a quarter of the memory limit, so runaway recursion is a stack overflow (a
		// runtime error) before its pages reach the memory limit, while depth 100,000 fits.
		if n, err := strconv.ParseInt(args[1], 10, 64); err == nil && n > 0 {
			setMaxStack(int(n))
		}
	}
	if !up {
		return
	}
	for {
		line, ok := input.line()
		if line == "" && !ok {
			break
		}
		tab := indexByte(line, '\t')
		if tab < 0 {
			continue
		}
		t := &Test{index: line[:tab], in: &parser{s: line[tab+1:]}}
		t.in.ws()
		if t.in.i >= len(t.in.s) || t.in.s[t.in.i] != '[' {
			t.err = errors.New("the input is not an array")
		} else {
			t.in.i++
		}
		body(t)
	}
	syscall.Exit(0)
}

// lineReader reads stdin a line at a time (lines of any length: a test's input can be megabytes).
type lineReader struct {
	buf   []byte
	start int
	eof   bool
}

// line returns the next line without its newline; ok is false at the end of input (line is then what was left).
func (r *lineReader) line() (string, bool) {
	scanned := r.start
	for {
		if i := indexByteFrom(r.buf, scanned, '\n'); i >= 0 {
			s := string(r.buf[r.start:i])
			r.start = i + 1
			return s, true
		}
		scanned = len(r.buf)
		if r.eof {
			s := string(r.buf[r.start:])
			r.start = len(r.buf)
			return s, false
		}
		if r.start > 0 {
			// Move the unread part to the front before growing.
			n := copy(r.buf, r.buf[r.start:])
			r.buf = r.buf[:n]
			scanned -= r.start
			r.start = 0
		}
		if len(r.buf) == cap(r.buf) {
			grown := make([]byte, len(r.buf), 2*cap(r.buf))
			copy(grown, r.buf)
			r.buf = grown
		}
		n, err := syscall.Read(0, r.buf[len(r.buf):cap(r.buf)])
		if err == syscall.EINTR {
			continue
		}
		if n <= 0 {
			r.eof = true
			continue
		}
		r.buf = r.buf[:len(r.buf)+n]
	}
}

func indexByteFrom(b []byte, from int, c byte) int {
	if i := bytes.IndexByte(b[from:], c); i >= 0 {
		return from + i
	}
	return -1
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func hasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

// writeAll writes b to fd whole (a pipe may take it in parts).
func writeAll(fd int, b []byte) {
	for len(b) > 0 {
		n, err := syscall.Write(fd, b)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || n <= 0 {
			return
		}
		b = b[n:]
	}
}

func writeControl(line []byte) {
	writeAll(controlFd, append(line, '\n'))
}

// Codec reads and writes one contract type as Go spells it (docs/harness-protocol.md). The call site composes them:
// SliceOf(SliceOf(Int)) for [][]int.
type Codec[T any] struct {
	read  func(p *parser) (T, error)
	write func(out []byte, v T) ([]byte, error)
}

var (
	Int = Codec[int]{
		read:  func(p *parser) (int, error) { n, err := p.integer(64); return int(n), err },
		write: func(out []byte, v int) ([]byte, error) { return strconv.AppendInt(out, int64(v), 10), nil },
	}
	Long = Codec[int64]{
		read:  func(p *parser) (int64, error) { return p.integer(64) },
		write: func(out []byte, v int64) ([]byte, error) { return strconv.AppendInt(out, v, 10), nil },
	}
	Double = Codec[float64]{read: (*parser).double, write: writeDouble}
	Bool   = Codec[bool]{read: (*parser).boolean, write: func(out []byte, v bool) ([]byte, error) { return strconv.AppendBool(out, v), nil }}
	String = Codec[string]{read: (*parser).stringValue, write: func(out []byte, v string) ([]byte, error) { return appendString(out, v), nil }}
	// character: a one-character string (LeetCode's Go uses byte).
	Char = Codec[byte]{read: (*parser).char, write: func(out []byte, v byte) ([]byte, error) { return appendString(out, string([]byte{v})), nil }}
	List = Codec[*ListNode]{read: (*parser).list, write: writeList}
	Tree = Codec[*TreeNode]{read: (*parser).tree, write: writeTree}
	// The common big input, without a call per element.
	Ints = Codec[[]int]{read: (*parser).ints, write: writeInts}
)

// SliceOf is the codec of []T: a JSON array, null read as a nil slice, and a nil slice written as [].
func SliceOf[T any](elem Codec[T]) Codec[[]T] {
	return Codec[[]T]{
		read: func(p *parser) ([]T, error) {
			if p.null() {
				return nil, nil
			}
			s := []T{}
			err := p.elements(func() error {
				v, err := elem.read(p)
				s = append(s, v)
				return err
			})
			return s, err
		},
		write: func(out []byte, v []T) ([]byte, error) {
			out = append(out, '[')
			for i, e := range v {
				if i > 0 {
					out = append(out, ',')
				}
				var err error
				if out, err = elem.write(out, e); err != nil {
					return out, err
				}
			}
			return append(out, ']'), nil
		},
	}
}

// Arg decodes the next argument into *target.
func Arg[T any](t *Test, target *T, c Codec[T]) {
	if t.err != nil {
		return
	}
	p := t.in
	p.ws()
	if t.pos > 0 {
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
		} else if p.i < len(p.s) && p.s[p.i] == ']' {
			t.err = errors.New("too few arguments")
			return
		} else {
			t.err = errors.New("expected ',' or ']'")
			return
		}
	} else if p.i < len(p.s) && p.s[p.i] == ']' {
		t.err = errors.New("too few arguments")
		return
	}
	v, err := c.read(p)
	if err == nil {
		*target = v
	}
	t.err = err
	t.pos++
}

// Call runs the candidate's function (call returns the value to report: the return value or the in-place argument)
// and writes the R line.
func Call[T any](t *Test, c Codec[T], call func() T) {
	if !t.started() {
		return
	}
	result, panicked, message, line := invoke(call)
	if panicked {
		t.fail("runtime", message, line)
		return
	}
	out := append(make([]byte, 0, 64), "R "+t.index+" {\"ok\":true,\"value\":"...)
	out, err := c.write(out, result)
	if err != nil {
		t.fail("output", "return value cannot be serialised: "+err.Error(), 0)
		return
	}
	writeControl(append(out, '}'))
}

// CallVoid runs a function without a result (reported as null).
func CallVoid(t *Test, call func()) {
	if !t.started() {
		return
	}
	_, panicked, message, line := invoke(func() struct{} { call(); return struct{}{} })
	if panicked {
		t.fail("runtime", message, line)
		return
	}
	writeControl([]byte("R " + t.index + " {\"ok\":true,\"value\":null}"))
}

// started reports a bad input, or writes the test's markers to stdout and stderr (whatever the call prints follows).
func (t *Test) started() bool {
	if t.err != nil {
		t.fail("runtime", "bad input: "+t.err.Error(), 0)
		return false
	}
	marker := []byte("\x1e" + nonce + ":" + t.index + "\x1e")
	writeAll(stdoutFd, marker)
	writeAll(stderrFd, marker)
	return true
}

func invoke[T any](call func() T) (result T, panicked bool, message string, line int) {
	defer func() {
		if r := recover(); r != nil {
			panicked = true
			message = panicMessage(r)
			line = candidateLine()
		}
	}()
	return call(), false, "", 0
}

// panicMessage is "panic: " and the value as fmt.Sprint would print it, for the values solutions panic with.
func panicMessage(r any) string {
	switch e := r.(type) {
	case error:
		return "panic: " + e.Error()
	case interface{ String() string }:
		return "panic: " + e.String()
	case string:
		return "panic: " + e
	case int:
		return "panic: " + strconv.Itoa(e)
	case int64:
		return "panic: " + strconv.FormatInt(e, 10)
	case int32:
		return "panic: " + strconv.FormatInt(int64(e), 10)
	case uint:
		return "panic: " + strconv.FormatUint(uint64(e), 10)
	case uint64:
		return "panic: " + strconv.FormatUint(e, 10)
	case byte:
		return "panic: " + strconv.FormatUint(uint64(e), 10)
	case float64:
		return "panic: " + strconv.FormatFloat(e, 'g', -1, 64)
	case bool:
		return "panic: " + strconv.FormatBool(e)
	default:
		// Without fmt and reflect the value cannot be printed; the line still names where it happened.
		return "panic: a value of a type the judge does not print (panic with a string or an error to see it)"
	}
}

// candidateLine is the innermost frame in the candidate's file (named solution.go by a //line directive) of the
// panicking goroutine, whose stack is still there while a deferred function runs.
func candidateLine() int {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if f.File == "solution.go" {
			return f.Line
		}
		if !more {
			return 0
		}
	}
}

func (t *Test) fail(kind, message string, line int) {
	if len(message) > 2000 {
		message = message[:2000]
	}
	out := []byte("R " + t.index + " {\"ok\":false,\"kind\":\"" + kind + "\",\"error\":")
	out = appendString(out, message)
	if line > 0 {
		out = append(out, ",\"line\":"...)
		out = strconv.AppendInt(out, int64(line), 10)
	} else {
		out = append(out, ",\"line\":null"...)
	}
	writeControl(append(out, '}'))
}

// ---- JSON in ---------------------------------------------------------------------------------------------------

type parser struct {
	s string
	i int
}

func (p *parser) ws() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

// null consumes a JSON null if one is next.
func (p *parser) null() bool {
	p.ws()
	if hasPrefix(p.s[p.i:], "null") {
		p.i += 4
		return true
	}
	return false
}

func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.' || c == 'e' || c == 'E'
}

// number returns the next number's text (a slice of the line: no allocation).
func (p *parser) number() (string, error) {
	p.ws()
	start := p.i
	for p.i < len(p.s) && isNumberByte(p.s[p.i]) {
		p.i++
	}
	if start == p.i {
		if p.i >= len(p.s) {
			return "", errors.New("unexpected end of input")
		}
		return "", errors.New("expected a number, not " + strconv.QuoteRune(rune(p.s[p.i])))
	}
	return p.s[start:p.i], nil
}

func (p *parser) integer(bits int) (int64, error) {
	text, err := p.number()
	if err != nil {
		return 0, errors.New("expected an integer")
	}
	return strconv.ParseInt(text, 10, bits)
}

func (p *parser) double() (float64, error) {
	text, err := p.number()
	if err != nil {
		return 0, err
	}
	return strconv.ParseFloat(text, 64)
}

func (p *parser) boolean() (bool, error) {
	p.ws()
	switch {
	case hasPrefix(p.s[p.i:], "true"):
		p.i += 4
		return true, nil
	case hasPrefix(p.s[p.i:], "false"):
		p.i += 5
		return false, nil
	}
	return false, errors.New("expected a boolean")
}

func (p *parser) stringValue() (string, error) {
	p.ws()
	if p.i >= len(p.s) || p.s[p.i] != '"' {
		return "", errors.New("expected a string")
	}
	return p.str()
}

func (p *parser) char() (byte, error) {
	text, err := p.stringValue()
	if err != nil {
		return 0, errors.New("expected a character")
	}
	if len(text) == 0 {
		return 0, nil
	}
	return text[0], nil
}

// elements calls each once per element of the array that is next, positioned at the element.
func (p *parser) elements(each func() error) error {
	p.ws()
	if p.i >= len(p.s) || p.s[p.i] != '[' {
		return errors.New("expected an array")
	}
	p.i++
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return nil
	}
	for {
		if err := each(); err != nil {
			return err
		}
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
			continue
		}
		if p.i < len(p.s) && p.s[p.i] == ']' {
			p.i++
			return nil
		}
		return errors.New("expected ',' or ']'")
	}
}

func (p *parser) ints() ([]int, error) {
	if p.null() {
		return nil, nil
	}
	ints := []int{}
	err := p.elements(func() error {
		n, err := p.integer(64)
		ints = append(ints, int(n))
		return err
	})
	return ints, err
}

func (p *parser) list() (*ListNode, error) {
	var vals []int
	if err := p.elements(func() error {
		n, err := p.integer(64)
		vals = append(vals, int(n))
		return err
	}); err != nil {
		return nil, err
	}
	var head *ListNode
	for i := len(vals) - 1; i >= 0; i-- {
		head = &ListNode{Val: vals[i], Next: head}
	}
	return head, nil
}

func (p *parser) tree() (*TreeNode, error) {
	var nodes []*TreeNode
	if err := p.elements(func() error {
		if p.null() {
			nodes = append(nodes, nil)
			return nil
		}
		n, err := p.integer(64)
		nodes = append(nodes, &TreeNode{Val: int(n)})
		return err
	}); err != nil {
		return nil, err
	}
	// LeetCode level order: each non-null node takes the next two slots as its children.
	child := 1
	for i := 0; i < len(nodes) && child < len(nodes); i++ {
		if nodes[i] == nil {
			continue
		}
		nodes[i].Left = nodes[child]
		child++
		if child < len(nodes) {
			nodes[i].Right = nodes[child]
			child++
		}
	}
	if len(nodes) == 0 {
		return nil, nil
	}
	return nodes[0], nil
}

func (p *parser) str() (string, error) {
	p.i++ // the opening quote
	// Most strings have no escapes: a slice of the line.
	for j := p.i; j < len(p.s) && p.s[j] != '\\'; j++ {
		if p.s[j] == '"' {
			text := p.s[p.i:j]
			p.i = j + 1
			return text, nil
		}
	}
	var b []byte
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return string(b), nil
		case c == '\\' && p.i+1 < len(p.s):
			e := p.s[p.i+1]
			p.i += 2
			switch e {
			case 'n':
				b = append(b, '\n')
			case 't':
				b = append(b, '\t')
			case 'r':
				b = append(b, '\r')
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return "", errors.New("bad \\u escape")
				}
				if r >= 0xD800 && r < 0xDC00 && hasPrefix(p.s[p.i:], "\\u") {
					p.i += 2
					low, ok := p.hex4()
					if !ok {
						return "", errors.New("bad \\u escape")
					}
					r = 0x10000 + (r-0xD800)<<10 + (low - 0xDC00)
				}
				b = utf8.AppendRune(b, rune(r))
			default:
				b = append(b, e)
			}
		default:
			b = append(b, c)
			p.i++
		}
	}
	return "", errors.New("unterminated string")
}

func (p *parser) hex4() (int, bool) {
	if p.i+4 > len(p.s) {
		return 0, false
	}
	n, err := strconv.ParseUint(p.s[p.i:p.i+4], 16, 32)
	p.i += 4
	return int(n), err == nil
}

// ---- JSON out --------------------------------------------------------------------------------------------------

func writeDouble(out []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(out, "null"...), nil
	}
	// The shortest form that round-trips.
	return strconv.AppendFloat(out, f, 'g', -1, 64), nil
}

func writeInts(out []byte, v []int) ([]byte, error) {
	out = append(out, '[')
	for i, n := range v {
		if i > 0 {
			out = append(out, ',')
		}
		out = strconv.AppendInt(out, int64(n), 10)
	}
	return append(out, ']'), nil
}

func writeList(out []byte, head *ListNode) ([]byte, error) {
	out = append(out, '[')
	count := 0
	for n := head; n != nil; n = n.Next {
		if count++; count > maxNodes {
			return out, errors.New("the returned list has a cycle")
		}
		if count > 1 {
			out = append(out, ',')
		}
		out = strconv.AppendInt(out, int64(n.Val), 10)
	}
	return append(out, ']'), nil
}

func writeTree(out []byte, root *TreeNode) ([]byte, error) {
	var order []*TreeNode
	if root != nil {
		order = append(order, root)
	}
	for i := 0; i < len(order); i++ {
		if order[i] == nil {
			continue
		}
		if len(order) > 2*maxNodes {
			return out, errors.New("the returned tree has a cycle")
		}
		order = append(order, order[i].Left, order[i].Right)
	}
	for len(order) > 0 && order[len(order)-1] == nil {
		order = order[:len(order)-1]
	}
	out = append(out, '[')
	for i, n := range order {
		if i > 0 {
			out = append(out, ',')
		}
		if n == nil {
			out = append(out, "null"...)
		} else {
			out = strconv.AppendInt(out, int64(n.Val), 10)
		}
	}
	return append(out, ']'), nil
}

func appendString(out []byte, s string) []byte {
	const hex = "0123456789abcdef"
	out = append(out, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			out = append(out, '\\', c)
			i++
		case c < 0x20 || c == 0x7f:
			out = append(out, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			i++
		case c < 0x80:
			out = append(out, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size <= 1 {
				// A stray byte becomes U+FFFD so the line stays valid JSON.
				out = append(out, "\\ufffd"...)
				i++
			} else {
				out = append(out, s[i:i+size]...)
				i += size
			}
		}
	}
	return append(out, '"')
}

func headerNonce(header string) string {
	p := &parser{s: header}
	p.ws()
	if p.i >= len(p.s) || p.s[p.i] != '{' {
		return ""
	}
	const key = "\"nonce\""
	at := -1
	for i := 0; i+len(key) <= len(header); i++ {
		if header[i:i+len(key)] == key {
			at = i
			break
		}
	}
	if at < 0 {
		return ""
	}
	p.i = at + len(key)
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == ':' {
		p.i++
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == '"' {
			s, _ := p.str()
			return s
		}
	}
	return ""
}
