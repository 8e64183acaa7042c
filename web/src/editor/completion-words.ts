import { PYTHON_BUILTINS, PYTHON_IMPLICIT_NAMES, PYTHON_MODULE_MEMBERS } from './python-names';
import type { CompletionWords } from './types';

/** Fields of the harness's ListNode and TreeNode, offered after `.`/`->` in every language. */
const NODE_MEMBERS = ['val', 'next', 'left', 'right'];

export const PYTHON_WORDS: CompletionWords = {
  keywords: ['False', 'None', 'True', 'and', 'as', 'assert', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return',
    'try', 'while', 'with', 'yield', 'self'],
  library: [...PYTHON_BUILTINS, ...PYTHON_IMPLICIT_NAMES],
  members: [...NODE_MEMBERS, 'append', 'appendleft', 'pop', 'popleft', 'extend', 'insert', 'remove', 'sort', 'reverse', 'index',
    'count', 'keys', 'values', 'items', 'get', 'setdefault', 'add', 'discard', 'union', 'intersection', 'difference', 'join',
    'split', 'strip', 'lower', 'upper', 'startswith', 'endswith', 'find', 'replace', 'isdigit', 'isalpha', 'isalnum', 'most_common'],
  modules: PYTHON_MODULE_MEMBERS,
};

export const JAVA_WORDS: CompletionWords = {
  keywords: ['abstract', 'boolean', 'break', 'byte', 'case', 'catch', 'char', 'class', 'continue', 'default', 'do', 'double', 'else',
    'enum', 'extends', 'final', 'finally', 'float', 'for', 'if', 'implements', 'import', 'instanceof', 'int', 'interface', 'long',
    'new', 'null', 'private', 'protected', 'public', 'return', 'short', 'static', 'super', 'switch', 'this', 'throw', 'throws', 'true',
    'false', 'try', 'var', 'void', 'while', 'record'],
  library: ['ArrayList', 'LinkedList', 'List', 'HashMap', 'TreeMap', 'LinkedHashMap', 'Map', 'HashSet', 'TreeSet', 'LinkedHashSet',
    'Set', 'ArrayDeque', 'Deque', 'Queue', 'Stack', 'PriorityQueue', 'Arrays', 'Collections', 'Iterator', 'Comparator', 'Optional',
    'Integer', 'Long', 'Double', 'Boolean', 'Character', 'String', 'StringBuilder', 'Math', 'Objects', 'BitSet', 'Random',
    'Collectors', 'IntStream', 'Stream', 'BigInteger', 'BigDecimal', 'Function', 'BiFunction', 'Map.Entry', 'System',
    'ListNode', 'TreeNode', 'Integer.MAX_VALUE', 'Integer.MIN_VALUE', 'Long.MAX_VALUE', 'Long.MIN_VALUE'],
  members: [...NODE_MEMBERS, 'add', 'addAll', 'get', 'set', 'size', 'isEmpty', 'contains', 'containsKey', 'containsValue', 'put',
    'putIfAbsent', 'getOrDefault', 'merge', 'computeIfAbsent', 'remove', 'clear', 'keySet', 'values', 'entrySet', 'getKey', 'getValue',
    'offer', 'poll', 'peek', 'push', 'pop', 'offerFirst', 'offerLast', 'pollFirst', 'pollLast', 'peekFirst', 'peekLast', 'addFirst',
    'addLast', 'removeFirst', 'removeLast', 'firstKey', 'lastKey', 'floorKey', 'ceilingKey', 'higherKey', 'lowerKey', 'length',
    'charAt', 'substring', 'indexOf', 'toCharArray', 'equals', 'append', 'toString', 'reverse', 'sort', 'fill', 'asList', 'stream',
    'max', 'min', 'abs', 'sqrt', 'pow'],
};

export const CPP_WORDS: CompletionWords = {
  keywords: ['auto', 'bool', 'break', 'case', 'char', 'class', 'const', 'constexpr', 'continue', 'default', 'delete', 'do', 'double',
    'else', 'enum', 'false', 'float', 'for', 'if', 'inline', 'int', 'long', 'namespace', 'new', 'nullptr', 'private', 'public',
    'return', 'short', 'signed', 'sizeof', 'static', 'struct', 'switch', 'template', 'this', 'true', 'typedef', 'typename',
    'unsigned', 'using', 'void', 'while'],
  library: ['vector', 'string', 'unordered_map', 'unordered_set', 'map', 'set', 'multiset', 'multimap', 'queue', 'priority_queue',
    'stack', 'deque', 'pair', 'tuple', 'array', 'bitset', 'list', 'greater', 'less', 'sort', 'stable_sort', 'reverse', 'max', 'min',
    'max_element', 'min_element', 'accumulate', 'lower_bound', 'upper_bound', 'binary_search', 'find', 'count', 'swap', 'unique',
    'fill', 'iota', 'next_permutation', 'make_pair', 'to_string', 'stoi', 'stol', 'stoll', 'abs', 'gcd', 'lcm', 'memset', 'INT_MAX',
    'INT_MIN', 'LLONG_MAX', 'LLONG_MIN', 'numeric_limits', 'function', 'std', 'ListNode', 'TreeNode'],
  members: [...NODE_MEMBERS, 'push_back', 'emplace_back', 'pop_back', 'push', 'emplace', 'pop', 'top', 'front', 'back', 'size',
    'empty', 'clear', 'insert', 'erase', 'find', 'count', 'begin', 'end', 'rbegin', 'rend', 'at', 'resize', 'reserve', 'first',
    'second', 'substr', 'length', 'push_front', 'pop_front', 'lower_bound', 'upper_bound', 'contains'],
};

export const GO_WORDS: CompletionWords = {
  keywords: ['break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto',
    'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var', 'nil', 'true',
    'false', 'int', 'int32', 'int64', 'uint', 'uint64', 'float64', 'bool', 'string', 'byte', 'rune', 'any', 'error'],
  library: ['append', 'len', 'cap', 'make', 'new', 'copy', 'delete', 'min', 'max', 'clear', 'panic', 'sort', 'strings', 'strconv',
    'math', 'heap', 'list', 'slices', 'maps', 'bits', 'fmt', 'unicode', 'ListNode', 'TreeNode'],
  // The judge's ListNode and TreeNode fields are exported (Val, Next, Left, Right).
  members: ['Val', 'Next', 'Left', 'Right', 'Push', 'Pop', 'Len', 'Less', 'Swap', 'PushBack', 'PushFront', 'Front', 'Back', 'Remove',
    'Value'],
  modules: {
    sort: ['Ints', 'Strings', 'Slice', 'SliceStable', 'Search', 'SearchInts', 'Sort', 'Reverse', 'IntSlice'],
    strings: ['Builder', 'Split', 'Join', 'Fields', 'Contains', 'Index', 'HasPrefix', 'HasSuffix', 'Repeat', 'ToLower', 'ToUpper',
      'TrimSpace', 'Trim', 'Count', 'Replace', 'ReplaceAll'],
    strconv: ['Itoa', 'Atoi', 'FormatInt', 'ParseInt'],
    math: ['MaxInt', 'MinInt', 'MaxInt32', 'MinInt32', 'MaxInt64', 'MinInt64', 'Inf', 'Abs', 'Sqrt', 'Pow', 'Floor', 'Ceil', 'Max', 'Min'],
    heap: ['Init', 'Push', 'Pop', 'Fix', 'Remove', 'Interface'],
    slices: ['Sort', 'SortFunc', 'Reverse', 'Contains', 'Index', 'Max', 'Min', 'BinarySearch', 'Equal'],
    list: ['New', 'List', 'Element'],
  },
};

export const RUST_WORDS: CompletionWords = {
  keywords: ['as', 'break', 'const', 'continue', 'else', 'enum', 'false', 'fn', 'for', 'if', 'impl', 'in', 'let', 'loop', 'match',
    'mod', 'move', 'mut', 'pub', 'ref', 'return', 'self', 'Self', 'static', 'struct', 'trait', 'true', 'type', 'use', 'where', 'while',
    'i32', 'i64', 'u32', 'u64', 'usize', 'isize', 'f64', 'bool', 'char', 'str', 'String', 'Vec', 'Option', 'Some', 'None', 'Result',
    'Ok', 'Err', 'Box', 'Rc', 'RefCell'],
  library: ['HashMap', 'HashSet', 'BTreeMap', 'BTreeSet', 'VecDeque', 'BinaryHeap', 'Reverse', 'std', 'collections', 'cmp', 'vec!',
    'println!', 'format!', 'ListNode', 'TreeNode', 'i32::MAX', 'i32::MIN', 'i64::MAX', 'i64::MIN', 'usize::MAX'],
  members: ['val', 'next', 'left', 'right', 'push', 'pop', 'len', 'is_empty', 'iter', 'iter_mut', 'into_iter', 'enumerate', 'map',
    'filter', 'collect', 'sum', 'max', 'min', 'rev', 'sort', 'sort_unstable', 'sort_by', 'sort_by_key', 'dedup', 'contains',
    'contains_key', 'get', 'get_mut', 'insert', 'remove', 'entry', 'or_insert', 'or_default', 'push_back', 'push_front', 'pop_back',
    'pop_front', 'peek', 'chars', 'bytes', 'as_bytes', 'to_string', 'clone', 'unwrap', 'unwrap_or', 'borrow', 'borrow_mut', 'take',
    'as_ref', 'abs', 'swap', 'extend', 'windows', 'zip'],
};

export const CSHARP_WORDS: CompletionWords = {
  keywords: ['abstract', 'as', 'bool', 'break', 'case', 'catch', 'char', 'class', 'const', 'continue', 'default', 'do', 'double',
    'else', 'enum', 'false', 'finally', 'for', 'foreach', 'if', 'in', 'int', 'interface', 'is', 'long', 'new', 'null', 'out',
    'override', 'private', 'public', 'readonly', 'ref', 'return', 'static', 'string', 'struct', 'switch', 'this', 'throw', 'true',
    'try', 'var', 'void', 'while', 'record'],
  library: ['List', 'Dictionary', 'HashSet', 'SortedSet', 'SortedDictionary', 'Queue', 'Stack', 'PriorityQueue', 'LinkedList',
    'KeyValuePair', 'Array', 'Math', 'StringBuilder', 'String', 'Char', 'Int32', 'Int64', 'Convert', 'Enumerable', 'Tuple',
    'BitArray', 'BigInteger', 'Console', 'ListNode', 'TreeNode', 'int.MaxValue', 'int.MinValue', 'long.MaxValue', 'long.MinValue'],
  members: [...NODE_MEMBERS, 'Add', 'AddRange', 'Count', 'Length', 'Contains', 'ContainsKey', 'ContainsValue', 'TryGetValue',
    'GetValueOrDefault', 'Remove', 'RemoveAt', 'Clear', 'Insert', 'IndexOf', 'Keys', 'Values', 'Enqueue', 'Dequeue', 'Peek', 'Push',
    'Pop', 'TryDequeue', 'TryPeek', 'Sort', 'Reverse', 'ToArray', 'ToList', 'Select', 'Where', 'OrderBy', 'OrderByDescending',
    'First', 'Last', 'Any', 'All', 'Sum', 'Max', 'Min', 'Distinct', 'Substring', 'Split', 'Join', 'ToString', 'ToCharArray',
    'Append', 'Abs'],
};
