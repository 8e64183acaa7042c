/**
 * Whether the brackets of C-like code balance, outside strings, characters and comments. clang-format and Biome
 * format code that does not parse rather than refuse it; this cheap check keeps unparseable code as it is, with a
 * message naming the line (issue 15: "code that does not parse is left as it is").
 */
export function unbalancedBracket(code: string): string | null {
  const open: { ch: string; line: number }[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let line = 1;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '\n') {
      line++;
      continue;
    }
    if (c === '/' && code[i + 1] === '/') {
      while (i < code.length && code[i] !== '\n') i++;
      i--;
      continue;
    }
    if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end < 0 ? code.length : end + 2;
      for (let j = i; j < stop; j++) if (code[j] === '\n') line++;
      i = stop - 1;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < code.length && code[j] !== c) {
        if (code[j] === '\\') j++;
        else if (code[j] === '\n') {
          line++;
          if (c !== '`') break; // an unterminated string or char ends at the line (as the compilers recover)
        }
        j++;
      }
      i = j;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') open.push({ ch: c, line });
    else if (c === ')' || c === ']' || c === '}') {
      const top = open.pop();
      if (!top || top.ch !== pairs[c]) return `unmatched '${c}' on line ${line}`;
    }
  }
  const last = open.pop();
  return last ? `'${last.ch}' on line ${last.line} is never closed` : null;
}
