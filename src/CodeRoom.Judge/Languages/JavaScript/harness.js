// CodeRoom JavaScript harness (JavaScript and TypeScript): speaks docs/harness-protocol.md. Static; the signature
// comes from the stdin header. Runs as `node ... /box/harness.js` (a CommonJS module, so nothing here is a global the
// candidate's script can see but ListNode, TreeNode and LeetCode's queue classes). The candidate's code is a classic (sloppy) script run in this
// realm, as on LeetCode: `var twoSum = function (...)`, `function twoSum(...)`, `const`/`let`/`class` all work.
"use strict";
const fs = require("fs");
const vm = require("vm");

const CONTROL_FD = 3;
const CANDIDATE_FILE = "solution.js";
const MAX_ERROR_CHARS = 2000;
const MAX_NODES = 10000000;

// LeetCode's definitions (constructor functions, so `new ListNode()` and `ListNode(1)`-style code behave as there).
function ListNode(val, next) {
    this.val = val === undefined ? 0 : val;
    this.next = next === undefined ? null : next;
}
function TreeNode(val, left, right) {
    this.val = val === undefined ? 0 : val;
    this.left = left === undefined ? null : left;
    this.right = right === undefined ? null : right;
}
globalThis.ListNode = ListNode;
globalThis.TreeNode = TreeNode;

// LeetCode preloads @datastructures-js/priority-queue (v6 API: the element itself comes back), queue and deque as
// globals; these are small equivalents. Min/Max queues also take v5/v6.3's option objects ({priority} or {compare}).
class PriorityQueue {
    constructor(compare, values) {
        if (typeof compare !== "function") {
            throw new Error("PriorityQueue constructor requires a compare function");
        }
        this._compare = compare;
        this._heap = [];
        for (const v of values || []) {
            this.enqueue(v);
        }
    }
    size() {
        return this._heap.length;
    }
    isEmpty() {
        return this._heap.length === 0;
    }
    front() {
        return this._heap.length ? this._heap[0] : null;
    }
    back() {
        let last = null;
        for (const v of this._heap) {
            if (last === null || this._compare(v, last) > 0) {
                last = v;
            }
        }
        return last;
    }
    enqueue(value) {
        const h = this._heap;
        h.push(value);
        for (let i = h.length - 1; i > 0;) {
            const parent = (i - 1) >> 1;
            if (this._compare(h[parent], h[i]) <= 0) {
                break;
            }
            [h[parent], h[i]] = [h[i], h[parent]];
            i = parent;
        }
        return this;
    }
    push(value) {
        return this.enqueue(value);
    }
    dequeue() {
        const h = this._heap;
        if (h.length === 0) {
            return null;
        }
        const top = h[0];
        const last = h.pop();
        if (h.length > 0) {
            h[0] = last;
            for (let i = 0; ;) {
                const l = 2 * i + 1;
                const r = l + 1;
                let best = i;
                if (l < h.length && this._compare(h[l], h[best]) < 0) best = l;
                if (r < h.length && this._compare(h[r], h[best]) < 0) best = r;
                if (best === i) break;
                [h[best], h[i]] = [h[i], h[best]];
                i = best;
            }
        }
        return top;
    }
    pop() {
        return this.dequeue();
    }
    remove(callback) {
        const removed = this._heap.filter(callback);
        const kept = this._heap.filter((v) => !callback(v));
        this._heap = [];
        kept.forEach((v) => this.enqueue(v));
        return removed;
    }
    contains(callback) {
        return this._heap.some(callback);
    }
    clear() {
        this._heap = [];
    }
    toArray() {
        return this._heap.slice().sort(this._compare);
    }
    [Symbol.iterator]() {
        const copy = new this.constructor(this._compare, this._heap);
        return { next: () => (copy.isEmpty() ? { done: true, value: undefined } : { done: false, value: copy.dequeue() }) };
    }
    static fromArray(values, compare) {
        return new PriorityQueue(compare, values);
    }
}
function keyCompare(options, sign) {
    if (options && typeof options === "object") {
        if (typeof options.compare === "function") return options.compare;
        if (typeof options.priority === "function") options = options.priority;
    }
    const key = typeof options === "function" ? options : (x) => x;
    return (a, b) => {
        const x = key(a);
        const y = key(b);
        return x < y ? -sign : x > y ? sign : 0;
    };
}
class MinPriorityQueue extends PriorityQueue {
    constructor(options, values) {
        super(keyCompare(options, 1), values);
    }
    static fromArray(values, options) {
        return new MinPriorityQueue(options, values);
    }
}
class MaxPriorityQueue extends PriorityQueue {
    constructor(options, values) {
        super(keyCompare(options, -1), values);
    }
    static fromArray(values, options) {
        return new MaxPriorityQueue(options, values);
    }
}
class Queue {
    constructor(values) {
        this._items = values ? values.slice() : [];
        this._head = 0;
    }
    size() {
        return this._items.length - this._head;
    }
    isEmpty() {
        return this.size() === 0;
    }
    front() {
        return this.size() ? this._items[this._head] : null;
    }
    back() {
        return this.size() ? this._items[this._items.length - 1] : null;
    }
    enqueue(value) {
        this._items.push(value);
        return this;
    }
    push(value) {
        return this.enqueue(value);
    }
    dequeue() {
        if (this.isEmpty()) return null;
        const value = this._items[this._head++];
        if (this._head * 2 > this._items.length && this._head > 1024) {
            this._items = this._items.slice(this._head);
            this._head = 0;
        }
        return value;
    }
    pop() {
        return this.dequeue();
    }
    toArray() {
        return this._items.slice(this._head);
    }
    clear() {
        this._items = [];
        this._head = 0;
    }
    static fromArray(values) {
        return new Queue(values);
    }
}
class Deque {
    constructor(values) {
        this._items = values ? values.slice() : [];
    }
    size() {
        return this._items.length;
    }
    isEmpty() {
        return this._items.length === 0;
    }
    front() {
        return this._items.length ? this._items[0] : null;
    }
    back() {
        return this._items.length ? this._items[this._items.length - 1] : null;
    }
    pushFront(value) {
        this._items.unshift(value);
        return this;
    }
    pushBack(value) {
        this._items.push(value);
        return this;
    }
    popFront() {
        return this._items.length ? this._items.shift() : null;
    }
    popBack() {
        return this._items.length ? this._items.pop() : null;
    }
    toArray() {
        return this._items.slice();
    }
    clear() {
        this._items = [];
    }
    static fromArray(values) {
        return new Deque(values);
    }
}
Object.assign(globalThis, { PriorityQueue, MinPriorityQueue, MaxPriorityQueue, Queue, Deque });

// Captured before the candidate's code runs: it may replace globals, and the harness must still work.
const writeSync = fs.writeSync;
const readSync = fs.readSync;
const jsonParse = JSON.parse;
const jsonStringify = JSON.stringify;
const now = process.hrtime.bigint;

function control(line) {
    const data = Buffer.from(line + "\n", "utf8");
    let offset = 0;
    while (offset < data.length) {
        offset += writeSync(CONTROL_FD, data, offset, data.length - offset);
    }
}

function writeMarker(nonce, index) {
    const marker = Buffer.from("\x1e" + nonce + ":" + index + "\x1e", "ascii");
    for (const fd of [1, 2]) {
        try {
            writeSync(fd, marker);
        } catch (e) {
            // the candidate closed its stream; the control channel still works
        }
    }
}

// ---- stdin, a line at a time (the next test's input is written only after this one's result) ----------------------

const readBuffer = Buffer.alloc(1 << 16);
let pending = [];
let pendingText = null;
let eof = false;

function readLine() {
    for (;;) {
        if (pendingText !== null) {
            const newline = pendingText.indexOf(10);
            if (newline >= 0) {
                const line = pendingText.subarray(0, newline);
                pendingText = newline + 1 < pendingText.length ? pendingText.subarray(newline + 1) : null;
                return line.toString("utf8");
            }
        }
        if (eof) {
            if (pendingText !== null && pendingText.length > 0) {
                const line = pendingText.toString("utf8");
                pendingText = null;
                return line;
            }
            return null;
        }
        let n;
        try {
            n = readSync(0, readBuffer, 0, readBuffer.length, null);
        } catch (e) {
            if (e.code === "EAGAIN") {
                continue;
            }
            if (e.code === "EOF") {
                n = 0;
            } else {
                throw e;
            }
        }
        if (n === 0) {
            eof = true;
            continue;
        }
        const chunk = Buffer.from(readBuffer.subarray(0, n));
        pendingText = pendingText === null ? chunk : Buffer.concat([pendingText, chunk]);
    }
}

// ---- errors and lines -----------------------------------------------------------------------------------------------

// TypeScript: solution.js carries an inline source map; runtime lines are mapped back to the candidate's .ts lines.
let lineMap = null;

function decodeSourceMap(code) {
    const match = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(code);
    if (!match) {
        return null;
    }
    let map;
    try {
        map = jsonParse(Buffer.from(match[1], "base64").toString("utf8"));
    } catch (e) {
        return null;
    }
    const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const lines = [];
    let sourceLine = 0;
    const groups = String(map.mappings || "").split(";");
    for (const group of groups) {
        let first = null;
        for (const segment of group.split(",")) {
            if (!segment) {
                continue;
            }
            const values = [];
            let value = 0;
            let shift = 0;
            for (const c of segment) {
                const digit = chars.indexOf(c);
                value += (digit & 31) << shift;
                if (digit & 32) {
                    shift += 5;
                } else {
                    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
                    value = 0;
                    shift = 0;
                }
            }
            if (values.length >= 3) {
                sourceLine += values[2];
                if (first === null) {
                    first = sourceLine + 1;
                }
            }
        }
        lines.push(first);
    }
    return lines;
}

function mapLine(line) {
    if (line === null || lineMap === null) {
        return line;
    }
    for (let i = line - 1; i >= 0 && i < lineMap.length; i--) {
        if (lineMap[i] !== null) {
            return lineMap[i];
        }
    }
    return null;
}

const framePattern = /solution\.js:(\d+)(?::\d+)?/;

function candidateLine(e) {
    let stack;
    try {
        stack = e !== null && typeof e === "object" ? String(e.stack) : "";
    } catch (ignored) {
        return null;
    }
    const match = framePattern.exec(stack);
    return match ? mapLine(parseInt(match[1], 10)) : null;
}

function errorText(e) {
    let text;
    try {
        if (e instanceof Error || (e !== null && typeof e === "object" && typeof e.name === "string" && "message" in e)) {
            text = e.message ? e.name + ": " + e.message : String(e.name);
        } else {
            text = "Uncaught " + (typeof e === "string" ? e : String(e));
        }
    } catch (ignored) {
        text = "Uncaught exception";
    }
    return text.slice(0, MAX_ERROR_CHARS);
}

function isStackOverflow(e) {
    return e instanceof RangeError && /Maximum call stack size exceeded/.test(e.message);
}

// ---- types ----------------------------------------------------------------------------------------------------------

function parseType(text) {
    text = text.trim();
    if (text.endsWith("[]")) {
        return { kind: "seq", element: parseType(text.slice(0, -2)) };
    }
    if (text.startsWith("list<") && text.endsWith(">")) {
        return { kind: "seq", element: parseType(text.slice(5, -1)) };
    }
    if (text === "int") {
        return { kind: "integer" };
    }
    if (text === "char") {
        return { kind: "character" };
    }
    return { kind: text };
}

class OutputError extends Error {}

function describe(value) {
    if (value === null) {
        return "null";
    }
    if (Array.isArray(value)) {
        return "array";
    }
    if (typeof value === "object" && value.constructor && typeof value.constructor.name === "string") {
        return value.constructor.name;
    }
    return typeof value;
}

// Integers: numbers that are integral, or BigInts (printed exactly: a long beyond 2^53 survives the trip).
function integerText(value) {
    if (typeof value === "number" && Number.isInteger(value)) {
        return Object.is(value, -0) ? "0" : (Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString());
    }
    if (typeof value === "bigint") {
        return value.toString();
    }
    if (typeof value === "boolean") {
        return value ? "1" : "0";
    }
    throw new OutputError("expected an integer, got " + describe(value) + " " + String(value).slice(0, 100));
}

// The value in the contract's JSON form, as text. Doubles as JS prints them (shortest round-trip form: 2 for 2.0);
// the judge compares numbers, not text. NaN and Infinity become null.
function serialise(value, t) {
    switch (t.kind) {
        case "integer":
        case "long":
            return integerText(value);
        case "double":
            if (typeof value === "number") {
                return Number.isFinite(value) ? String(value) : "null";
            }
            if (typeof value === "bigint") {
                return value.toString();
            }
            throw new OutputError("expected a number, got " + describe(value));
        case "boolean":
            if (typeof value === "boolean") {
                return value ? "true" : "false";
            }
            throw new OutputError("expected a boolean, got " + describe(value));
        case "string":
            if (typeof value === "string") {
                return jsonStringify(value);
            }
            throw new OutputError("expected a string, got " + describe(value));
        case "character":
            if (typeof value === "string" && value.length === 1) {
                return jsonStringify(value);
            }
            throw new OutputError("expected a one-character string, got " + describe(value) + " " + jsonStringify(String(value).slice(0, 100)));
        case "seq": {
            if (value === null || value === undefined || typeof value === "string" || typeof value[Symbol.iterator] !== "function") {
                throw new OutputError("expected an array, got " + describe(value));
            }
            const parts = [];
            for (const item of value) {
                parts.push(serialise(item, t.element));
            }
            return "[" + parts.join(",") + "]";
        }
        case "ListNode": {
            const parts = [];
            let node = value;
            while (node !== null && node !== undefined) {
                parts.push(integerText(node.val));
                node = node.next;
                if (parts.length > MAX_NODES) {
                    throw new OutputError("the returned list has a cycle");
                }
            }
            return "[" + parts.join(",") + "]";
        }
        case "TreeNode": {
            const parts = [];
            let level = [value];
            let seen = 0;
            if (value === null || value === undefined) {
                return "[]";
            }
            while (level.length > 0) {
                const following = [];
                for (const node of level) {
                    if (node === null || node === undefined) {
                        parts.push("null");
                    } else {
                        parts.push(integerText(node.val));
                        following.push(node.left, node.right);
                        if (++seen > MAX_NODES) {
                            throw new OutputError("the returned tree has a cycle");
                        }
                    }
                }
                level = following;
            }
            while (parts.length > 0 && parts[parts.length - 1] === "null") {
                parts.pop();
            }
            return "[" + parts.join(",") + "]";
        }
        default:
            throw new OutputError("unsupported type " + t.kind);
    }
}

function buildList(values, Node) {
    let head = null;
    for (let i = values.length - 1; i >= 0; i--) {
        const node = new Node(values[i]);
        node.val = values[i];
        node.next = head;
        head = node;
    }
    return head;
}

function buildTree(values, Node) {
    if (values.length === 0 || values[0] === null) {
        return null;
    }
    const make = (v) => {
        const node = new Node(v);
        node.val = v;
        node.left = null;
        node.right = null;
        return node;
    };
    const root = make(values[0]);
    const queue = [root];
    let qi = 0;
    let i = 1;
    while (i < values.length) {
        const parent = queue[qi++];
        if (values[i] !== null) {
            parent.left = make(values[i]);
            queue.push(parent.left);
        }
        i++;
        if (i < values.length && values[i] !== null) {
            parent.right = make(values[i]);
            queue.push(parent.right);
        }
        i++;
    }
    return root;
}

// ---- loading --------------------------------------------------------------------------------------------------------

// A name in the script scope the candidate's code ran in (var, function, let, const and class alike).
function lookup(name) {
    try {
        return vm.runInThisContext("typeof " + name + " === 'undefined' ? undefined : " + name, { filename: "coderoom-lookup.js" });
    } catch (e) {
        return undefined;
    }
}

function load(functionName, source) {
    if (source === undefined || source === null) {
        source = fs.readFileSync(__dirname + "/" + CANDIDATE_FILE, "utf8");
    }
    lineMap = decodeSourceMap(source);
    let script;
    try {
        script = new vm.Script(source, { filename: CANDIDATE_FILE });
    } catch (e) {
        // A syntax error's stack starts with "solution.js:<line>".
        return { error: { error: errorText(e), line: candidateLine(e) } };
    }
    try {
        script.runInThisContext();
    } catch (e) {
        return { error: { error: errorText(e), line: candidateLine(e) } };
    }
    const nodes = { ListNode: lookup("ListNode"), TreeNode: lookup("TreeNode") };
    if (typeof nodes.ListNode !== "function") {
        nodes.ListNode = ListNode;
    }
    if (typeof nodes.TreeNode !== "function") {
        nodes.TreeNode = TreeNode;
    }
    const fn = lookup(functionName);
    if (typeof fn === "function" && !/^class[\s{]/.test(Function.prototype.toString.call(fn))) {
        return { target: () => fn, nodes };
    }
    const solution = lookup("Solution");
    if (typeof solution === "function" && solution.prototype && typeof solution.prototype[functionName] === "function") {
        return {
            target: () => {
                const instance = new solution();
                return (...args) => instance[functionName](...args);
            },
            nodes,
        };
    }
    return { error: { error: "no function '" + functionName + "' (or class Solution with that method)", line: null } };
}

// ---- inputs ---------------------------------------------------------------------------------------------------------

// A long beyond 2^53 cannot be a number without losing digits: such literals (rare; never in the usual problems)
// arrive as BigInt, every other integer as a number. JSON.parse cannot tell (Node 20 has no source text in revivers), so
// a line with a run of 16 or more digits goes through this small parser instead.
function parseExact(text) {
    let i = 0;
    const fail = () => {
        throw new SyntaxError("bad input at " + i);
    };
    const ws = () => {
        while (i < text.length && " \t\r\n".includes(text[i])) {
            i++;
        }
    };
    function value() {
        ws();
        const c = text[i];
        if (c === "[") {
            i++;
            const out = [];
            ws();
            if (text[i] === "]") {
                i++;
                return out;
            }
            for (;;) {
                out.push(value());
                ws();
                if (text[i] === ",") {
                    i++;
                } else if (text[i] === "]") {
                    i++;
                    return out;
                } else {
                    fail();
                }
            }
        }
        if (c === "{") {
            // Inputs hold no objects; JSON.parse handles whatever else may come.
            fail();
        }
        if (c === '"') {
            let j = i + 1;
            while (j < text.length && text[j] !== '"') {
                j += text[j] === "\\" ? 2 : 1;
            }
            const literal = text.slice(i, j + 1);
            i = j + 1;
            return jsonParse(literal);
        }
        const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?|^true|^false|^null/.exec(text.slice(i, i + 400));
        if (!match) {
            fail();
        }
        i += match[0].length;
        const token = match[0];
        if (!match[1] && !match[2] && /\d/.test(token)) {
            const n = Number(token);
            return Number.isSafeInteger(n) ? n : BigInt(token);
        }
        return jsonParse(token);
    }
    const result = value();
    ws();
    if (i !== text.length) {
        fail();
    }
    return result;
}

function parseInputs(text, hasLong) {
    return hasLong && /\d{16}/.test(text) ? parseExact(text) : jsonParse(text);
}

// ---- the test loop --------------------------------------------------------------------------------------------------

function argument(value, t, nodes) {
    if (t.kind === "ListNode") {
        return buildList(value, nodes.ListNode);
    }
    if (t.kind === "TreeNode") {
        return buildTree(value, nodes.TreeNode);
    }
    return value;
}

function failure(kind, e, ms) {
    return '{"ok":false,"kind":"' + kind + '","error":' + jsonStringify(errorText(e)) + ',"line":' +
        jsonStringify(candidateLine(e)) + ',"ms":' + ms + "}";
}

function runTest(index, rawArgs, loaded, paramTypes, outputIndex, judgedType, nonce) {
    const args = paramTypes.map((t, i) => argument(rawArgs[i], t, loaded.nodes));
    let bound;
    try {
        bound = loaded.target();
    } catch (e) {
        writeMarker(nonce, index);
        return failure("runtime", e, 0);
    }
    writeMarker(nonce, index);
    const start = now();
    const elapsed = () => Number(now() - start) / 1e6;
    let result;
    try {
        result = bound(...args);
    } catch (e) {
        return failure(isStackOverflow(e) ? "stack" : "runtime", e, elapsed());
    }
    const ms = elapsed();
    const judged = outputIndex === null ? result : args[outputIndex];
    let value;
    try {
        value = serialise(judged, judgedType);
    } catch (e) {
        const why = e instanceof OutputError ? e.message : errorText(e);
        return '{"ok":false,"kind":"output","error":' + jsonStringify(("return value cannot be serialised: " + why).slice(0, MAX_ERROR_CHARS)) +
            ',"ms":' + ms + "}";
    }
    return '{"ok":true,"value":' + value + ',"ms":' + ms + "}";
}

function main() {
    const headerLine = readLine();
    if (headerLine === null) {
        return;
    }
    const header = jsonParse(headerLine);
    const nonce = header.nonce;
    const params = header.params;
    const paramTypes = params.map((p) => parseType(p.type));
    const hasLong = params.some((p) => p.type.includes("long"));
    let outputIndex = null;
    let judgedType;
    if (header.output_param !== null && header.output_param !== undefined) {
        outputIndex = params.findIndex((p) => p.name === header.output_param);
        judgedType = paramTypes[outputIndex];
    } else {
        judgedType = parseType(header.return_type);
    }
    // Up, and none of the candidate's code has run yet: the supervisor starts the first test's clock and hands its
    // input over now (docs/harness-protocol.md).
    control("H");
    // A sandbox started ahead of time gets the code in the header; otherwise it is solution.js in the box.
    const loaded = load(header.function, header.code);
    if (loaded.error) {
        control("C " + jsonStringify(loaded.error));
        return;
    }
    for (;;) {
        const raw = readLine();
        if (raw === null) {
            break;
        }
        const line = raw.trim();
        if (!line) {
            continue;
        }
        const tab = line.indexOf("\t");
        const index = parseInt(line.slice(0, tab), 10);
        const rawArgs = parseInputs(line.slice(tab + 1), hasLong);
        control("R " + index + " " + runTest(index, rawArgs, loaded, paramTypes, outputIndex, judgedType, nonce));
    }
}

try {
    main();
} catch (e) {
    try {
        writeSync(2, Buffer.from("harness failure:\n" + (e && e.stack ? e.stack : String(e)) + "\n"));
    } catch (ignored) {
        // nothing left to report on
    }
    process.reallyExit(70);
}
// reallyExit: timers or handles the candidate left behind must not keep the process alive, and 'exit' listeners it
// registered must not run.
process.reallyExit(0);
