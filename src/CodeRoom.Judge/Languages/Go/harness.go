// Package coderoom is CodeRoom's Go harness: compiled once into a prebuilt archive that every run links, next to the
// standard library. The generated judge_call.go (package main) aliases ListNode and TreeNode to the types here and
// calls Run with the typed call site. It speaks docs/harness-protocol.md: H once up, one R line per test on fd 3.
//
// Everything here runs in the candidate's process and is untrusted by the judge: it parses, calls and serialises;
// the supervisor outside times and compares.
package coderoom

import (
	"bufio"
	"errors"
	"fmt"
	"math"
	"os"
	"reflect"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"unicode/utf8"
)

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

var (
	control = os.NewFile(3, "control")
	input   = bufio.NewReaderSize(os.Stdin, 1<<16)
	nonce   string
	// The header was read and H written (false when stdin was empty).
	up bool
)

// init runs before package main's: the candidate's package-level variables and init functions run after H, so they
// are charged to the first test, as Python's module code is.
func init() {
	header, err := readLine()
	if err != nil && header == "" {
		return
	}
	nonce = headerNonce(header)
	up = true
	writeControl("H")
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
	if len(os.Args) > 1 {
		// The goroutine stack limit: a quarter of the memory limit, so runaway recursion is a stack overflow (a
		// runtime error) before its pages reach the memory limit, while depth 100,000 fits.
		if n, err := strconv.ParseInt(os.Args[1], 10, 64); err == nil && n > 0 {
			debug.SetMaxStack(int(n))
		}
	}
	if !up {
		return
	}
	for {
		line, err := readLine()
		if line == "" && err != nil {
			break
		}
		tab := strings.IndexByte(line, '\t')
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
	os.Exit(0)
}

func readLine() (string, error) {
	var b strings.Builder
	for {
		chunk, err := input.ReadSlice('\n')
		b.Write(chunk)
		if err == bufio.ErrBufferFull {
			continue
		}
		s := b.String()
		if err == nil {
			s = s[:len(s)-1]
		}
		return s, err
	}
}

// Arg decodes the next argument into *target (a pointer to the parameter's type).
func (t *Test) Arg(target any) {
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
	t.err = p.decode(reflect.ValueOf(target).Elem())
	t.pos++
}

// Call runs the candidate's function (call returns the value to report: the return value, the in-place argument, or
// nil for void) and writes the R line.
func (t *Test) Call(call func() any) {
	if t.err != nil {
		t.fail("runtime", "bad input: "+t.err.Error(), 0)
		return
	}
	marker := "\x1e" + nonce + ":" + t.index + "\x1e"
	os.Stdout.WriteString(marker)
	os.Stderr.WriteString(marker)
	result, panicked, message, line := invoke(call)
	if panicked {
		t.fail("runtime", message, line)
		return
	}
	var out strings.Builder
	out.WriteString("R " + t.index + " {\"ok\":true,\"value\":")
	if err := write(&out, reflect.ValueOf(result), 0); err != nil {
		t.fail("output", "return value cannot be serialised: "+err.Error(), 0)
		return
	}
	out.WriteString("}")
	writeControl(out.String())
}

func invoke(call func() any) (result any, panicked bool, message string, line int) {
	defer func() {
		if r := recover(); r != nil {
			panicked = true
			message = panicMessage(r)
			line = candidateLine()
		}
	}()
	return call(), false, "", 0
}

func panicMessage(r any) string {
	switch e := r.(type) {
	case runtime.Error:
		return "panic: " + e.Error()
	case error:
		return "panic: " + e.Error()
	default:
		return "panic: " + fmt.Sprint(r)
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
	var out strings.Builder
	out.WriteString("R " + t.index + " {\"ok\":false,\"kind\":\"" + kind + "\",\"error\":")
	writeString(&out, message)
	if line > 0 {
		out.WriteString(",\"line\":" + strconv.Itoa(line))
	} else {
		out.WriteString(",\"line\":null")
	}
	out.WriteString("}")
	writeControl(out.String())
}

func writeControl(line string) {
	control.WriteString(line + "\n")
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
	if strings.HasPrefix(p.s[p.i:], "null") {
		p.i += 4
		return true
	}
	return false
}

// number returns the next number's text (a slice of the line: no allocation).
func (p *parser) number() (string, error) {
	p.ws()
	start := p.i
	for p.i < len(p.s) && strings.IndexByte("+-0123456789.eE", p.s[p.i]) >= 0 {
		p.i++
	}
	if start == p.i {
		if p.i >= len(p.s) {
			return "", errors.New("unexpected end of input")
		}
		return "", fmt.Errorf("expected a number, not %q", p.s[p.i])
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

func (p *parser) stringValue() (string, error) {
	p.ws()
	if p.i >= len(p.s) || p.s[p.i] != '"' {
		return "", errors.New("expected a string")
	}
	return p.str()
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
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return b.String(), nil
		case c == '\\' && p.i+1 < len(p.s):
			e := p.s[p.i+1]
			p.i += 2
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return "", errors.New("bad \\u escape")
				}
				if r >= 0xD800 && r < 0xDC00 && strings.HasPrefix(p.s[p.i:], "\\u") {
					p.i += 2
					low, ok := p.hex4()
					if !ok {
						return "", errors.New("bad \\u escape")
					}
					r = 0x10000 + (r-0xD800)<<10 + (low - 0xDC00)
				}
				b.WriteRune(rune(r))
			default:
				b.WriteByte(e)
			}
		default:
			b.WriteByte(c)
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

var (
	listNodeType = reflect.TypeOf((*ListNode)(nil))
	treeNodeType = reflect.TypeOf((*TreeNode)(nil))
)

var (
	intsType   = reflect.TypeOf([]int(nil))
	floatsType = reflect.TypeOf([]float64(nil))
)

// decode reads the next value into target, whose type is a contract type as Go spells it (docs/harness-protocol.md).
func (p *parser) decode(target reflect.Value) error {
	switch target.Type() {
	case listNodeType:
		var vals []int
		if err := p.elements(func() error {
			n, err := p.integer(64)
			vals = append(vals, int(n))
			return err
		}); err != nil {
			return err
		}
		var head *ListNode
		for i := len(vals) - 1; i >= 0; i-- {
			head = &ListNode{Val: vals[i], Next: head}
		}
		target.Set(reflect.ValueOf(head))
		return nil
	case treeNodeType:
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
			return err
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
		if len(nodes) > 0 {
			target.Set(reflect.ValueOf(nodes[0]))
		}
		return nil
	case intsType:
		// The common big input: without reflection per element.
		if p.null() {
			return nil
		}
		ints := []int{}
		if err := p.elements(func() error {
			n, err := p.integer(64)
			ints = append(ints, int(n))
			return err
		}); err != nil {
			return err
		}
		target.Set(reflect.ValueOf(ints))
		return nil
	case floatsType:
		if p.null() {
			return nil
		}
		floats := []float64{}
		if err := p.elements(func() error {
			text, err := p.number()
			if err != nil {
				return err
			}
			f, err := strconv.ParseFloat(text, 64)
			floats = append(floats, f)
			return err
		}); err != nil {
			return err
		}
		target.Set(reflect.ValueOf(floats))
		return nil
	}
	switch target.Kind() {
	case reflect.Uint8:
		// character: a one-character string (LeetCode's Go uses byte).
		text, err := p.stringValue()
		if err != nil {
			return errors.New("expected a character")
		}
		if len(text) > 0 {
			target.SetUint(uint64(text[0]))
		}
		return nil
	case reflect.Int32:
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == '"' {
			text, err := p.str()
			r, _ := utf8.DecodeRuneInString(text)
			target.SetInt(int64(r))
			return err
		}
		n, err := p.integer(32)
		target.SetInt(n)
		return err
	case reflect.Int, reflect.Int64:
		n, err := p.integer(64)
		target.SetInt(n)
		return err
	case reflect.Float64:
		text, err := p.number()
		if err != nil {
			return err
		}
		f, err := strconv.ParseFloat(text, 64)
		target.SetFloat(f)
		return err
	case reflect.Bool:
		p.ws()
		switch {
		case strings.HasPrefix(p.s[p.i:], "true"):
			p.i += 4
			target.SetBool(true)
		case strings.HasPrefix(p.s[p.i:], "false"):
			p.i += 5
		default:
			return errors.New("expected a boolean")
		}
		return nil
	case reflect.String:
		text, err := p.stringValue()
		target.SetString(text)
		return err
	case reflect.Slice:
		if p.null() {
			return nil
		}
		s := reflect.MakeSlice(target.Type(), 0, 4)
		zero := reflect.Zero(target.Type().Elem())
		if err := p.elements(func() error {
			s = reflect.Append(s, zero)
			return p.decode(s.Index(s.Len() - 1))
		}); err != nil {
			return err
		}
		target.Set(s)
		return nil
	}
	return fmt.Errorf("unsupported parameter type %s", target.Type())
}

// ---- JSON out --------------------------------------------------------------------------------------------------

// write serialises a result in the contract's JSON form; depth guards against self-referencing values.
func write(out *strings.Builder, v reflect.Value, depth int) error {
	if depth > 64 {
		return errors.New("nested too deeply")
	}
	if !v.IsValid() {
		out.WriteString("null")
		return nil
	}
	switch v.Type() {
	case listNodeType:
		out.WriteByte('[')
		count := 0
		for n := v.Interface().(*ListNode); n != nil; n = n.Next {
			if count++; count > maxNodes {
				return errors.New("the returned list has a cycle")
			}
			if count > 1 {
				out.WriteByte(',')
			}
			out.WriteString(strconv.Itoa(n.Val))
		}
		out.WriteByte(']')
		return nil
	case treeNodeType:
		var order []*TreeNode
		if root := v.Interface().(*TreeNode); root != nil {
			order = append(order, root)
		}
		for i := 0; i < len(order); i++ {
			if order[i] == nil {
				continue
			}
			if len(order) > 2*maxNodes {
				return errors.New("the returned tree has a cycle")
			}
			order = append(order, order[i].Left, order[i].Right)
		}
		for len(order) > 0 && order[len(order)-1] == nil {
			order = order[:len(order)-1]
		}
		out.WriteByte('[')
		for i, n := range order {
			if i > 0 {
				out.WriteByte(',')
			}
			if n == nil {
				out.WriteString("null")
			} else {
				out.WriteString(strconv.Itoa(n.Val))
			}
		}
		out.WriteByte(']')
		return nil
	}
	switch v.Kind() {
	case reflect.Uint8:
		writeString(out, string([]byte{byte(v.Uint())}))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		out.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		out.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			out.WriteString("null")
		} else {
			// The shortest form that round-trips.
			out.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
		}
	case reflect.Bool:
		out.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.String:
		writeString(out, v.String())
	case reflect.Slice, reflect.Array:
		out.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				out.WriteByte(',')
			}
			if err := write(out, v.Index(i), depth+1); err != nil {
				return err
			}
		}
		out.WriteByte(']')
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			out.WriteString("null")
			return nil
		}
		return write(out, v.Elem(), depth+1)
	default:
		return fmt.Errorf("unsupported type %s", v.Type())
	}
	return nil
}

func writeString(out *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	out.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			out.WriteByte('\\')
			out.WriteByte(c)
			i++
		case c < 0x20 || c == 0x7f:
			out.WriteString("\\u00")
			out.WriteByte(hex[c>>4])
			out.WriteByte(hex[c&15])
			i++
		case c < 0x80:
			out.WriteByte(c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size <= 1 {
				// A stray byte becomes U+FFFD so the line stays valid JSON.
				out.WriteString("\\ufffd")
				i++
			} else {
				out.WriteString(s[i : i+size])
				i += size
			}
		}
	}
	out.WriteByte('"')
}

func headerNonce(header string) string {
	p := &parser{s: header}
	p.ws()
	if p.i >= len(p.s) || p.s[p.i] != '{' {
		return ""
	}
	key := "\"nonce\""
	at := strings.Index(header, key)
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
