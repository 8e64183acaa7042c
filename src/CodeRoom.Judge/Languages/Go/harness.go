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

// Test is one test: its index and its decoded arguments.
type Test struct {
	index string
	args  []value
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
		t := &Test{index: line[:tab]}
		p := &parser{s: line[tab+1:]}
		v, perr := p.parse()
		if perr == nil && v.kind != jArray {
			perr = errors.New("the input is not an array")
		}
		t.args, t.err = v.items, perr
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
	if t.pos >= len(t.args) {
		t.err = errors.New("too few arguments")
		return
	}
	t.err = assign(reflect.ValueOf(target).Elem(), t.args[t.pos])
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

type jkind int

const (
	jNull jkind = iota
	jBool
	jNumber
	jString
	jArray
	jObject
)

type value struct {
	kind  jkind
	b     bool
	num   string
	str   string
	items []value
}

type parser struct {
	s string
	i int
}

func (p *parser) ws() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

func (p *parser) parse() (value, error) {
	p.ws()
	if p.i >= len(p.s) {
		return value{}, errors.New("unexpected end of input")
	}
	switch c := p.s[p.i]; {
	case c == '[':
		p.i++
		v := value{kind: jArray, items: []value{}}
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == ']' {
			p.i++
			return v, nil
		}
		for {
			item, err := p.parse()
			if err != nil {
				return v, err
			}
			v.items = append(v.items, item)
			p.ws()
			if p.i < len(p.s) && p.s[p.i] == ',' {
				p.i++
				continue
			}
			if p.i < len(p.s) && p.s[p.i] == ']' {
				p.i++
				return v, nil
			}
			return v, errors.New("expected ',' or ']'")
		}
	case c == '{':
		// Not in the contract's inputs; skipped as a whole.
		depth := 0
		for ; p.i < len(p.s); p.i++ {
			switch p.s[p.i] {
			case '{':
				depth++
			case '}':
				depth--
			}
			if depth == 0 {
				p.i++
				return value{kind: jObject}, nil
			}
		}
		return value{}, errors.New("unterminated object")
	case c == '"':
		s, err := p.str()
		return value{kind: jString, str: s}, err
	case strings.HasPrefix(p.s[p.i:], "null"):
		p.i += 4
		return value{kind: jNull}, nil
	case strings.HasPrefix(p.s[p.i:], "true"):
		p.i += 4
		return value{kind: jBool, b: true}, nil
	case strings.HasPrefix(p.s[p.i:], "false"):
		p.i += 5
		return value{kind: jBool}, nil
	default:
		start := p.i
		for p.i < len(p.s) && strings.IndexByte("+-0123456789.eE", p.s[p.i]) >= 0 {
			p.i++
		}
		if start == p.i {
			return value{}, fmt.Errorf("unexpected character %q", c)
		}
		return value{kind: jNumber, num: p.s[start:p.i]}, nil
	}
}

func (p *parser) str() (string, error) {
	p.i++ // the opening quote
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

// assign decodes v into target, whose type is a contract type as Go spells it (docs/harness-protocol.md).
func assign(target reflect.Value, v value) error {
	switch target.Type() {
	case listNodeType:
		if v.kind != jArray {
			return errors.New("expected a list")
		}
		var head *ListNode
		for i := len(v.items) - 1; i >= 0; i-- {
			n, err := integer(v.items[i], 64)
			if err != nil {
				return err
			}
			head = &ListNode{Val: int(n), Next: head}
		}
		target.Set(reflect.ValueOf(head))
		return nil
	case treeNodeType:
		if v.kind != jArray {
			return errors.New("expected a tree")
		}
		nodes := make([]*TreeNode, len(v.items))
		for i, item := range v.items {
			if item.kind == jNull {
				continue
			}
			n, err := integer(item, 64)
			if err != nil {
				return err
			}
			nodes[i] = &TreeNode{Val: int(n)}
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
	}
	switch target.Kind() {
	case reflect.Uint8:
		// character: a one-character string (LeetCode's Go uses byte).
		if v.kind != jString {
			return errors.New("expected a character")
		}
		if len(v.str) > 0 {
			target.SetUint(uint64(v.str[0]))
		}
		return nil
	case reflect.Int32:
		if v.kind == jString {
			r, _ := utf8.DecodeRuneInString(v.str)
			target.SetInt(int64(r))
			return nil
		}
		n, err := integer(v, 32)
		target.SetInt(n)
		return err
	case reflect.Int, reflect.Int64:
		n, err := integer(v, 64)
		target.SetInt(n)
		return err
	case reflect.Float64:
		if v.kind != jNumber {
			return errors.New("expected a number")
		}
		f, err := strconv.ParseFloat(v.num, 64)
		target.SetFloat(f)
		return err
	case reflect.Bool:
		if v.kind != jBool {
			return errors.New("expected a boolean")
		}
		target.SetBool(v.b)
		return nil
	case reflect.String:
		if v.kind != jString {
			return errors.New("expected a string")
		}
		target.SetString(v.str)
		return nil
	case reflect.Slice:
		if v.kind == jNull {
			return nil
		}
		if v.kind != jArray {
			return errors.New("expected an array")
		}
		s := reflect.MakeSlice(target.Type(), len(v.items), len(v.items))
		for i, item := range v.items {
			if err := assign(s.Index(i), item); err != nil {
				return err
			}
		}
		target.Set(s)
		return nil
	}
	return fmt.Errorf("unsupported parameter type %s", target.Type())
}

func integer(v value, bits int) (int64, error) {
	if v.kind != jNumber {
		return 0, errors.New("expected an integer")
	}
	return strconv.ParseInt(v.num, 10, bits)
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
