using System.Text;

namespace CodeRoom.Judge.Languages.Go;

/// <summary>
/// The candidate's file as the compiler sees it. LeetCode's Go has no package clause and no imports: the judge adds
/// <c>package main</c> (a candidate's own package clause is blanked out, so it is tolerated) and, as goimports would,
/// imports of the standard packages the code uses by name (sort, strings, math, container/heap, ...), merged with the
/// candidate's own. Our additions sit on a line before a <c>//line solution.go:1</c> directive, so every position the
/// compiler and the runtime report is the candidate's own line. Each added import gets a blank use after the code
/// (<c>var _ = sort.Ints</c>), so it can never be "imported and not used", even when a local variable of that name
/// shadows it everywhere it is used.
/// </summary>
internal static class GoSource
{
    public const string CandidateFile = "solution.go";

    /// <summary>Package name to import path and an exported symbol that uses it.</summary>
    internal static readonly IReadOnlyDictionary<string, (string Path, string Use)> AutoImports =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["sort"] = ("sort", "sort.Ints"),
            ["strings"] = ("strings", "strings.Compare"),
            ["strconv"] = ("strconv", "strconv.Itoa"),
            ["math"] = ("math", "math.Abs"),
            ["bits"] = ("math/bits", "bits.OnesCount"),
            ["rand"] = ("math/rand", "rand.Intn"),
            ["big"] = ("math/big", "big.NewInt"),
            ["heap"] = ("container/heap", "heap.Init"),
            ["list"] = ("container/list", "list.New"),
            ["ring"] = ("container/ring", "ring.New"),
            ["slices"] = ("slices", "slices.Sort[[]int]"),
            ["maps"] = ("maps", "maps.Clone[map[int]int]"),
            ["cmp"] = ("cmp", "cmp.Compare[int]"),
            ["fmt"] = ("fmt", "fmt.Sprint"),
            ["unicode"] = ("unicode", "unicode.IsLetter"),
            ["utf8"] = ("unicode/utf8", "utf8.RuneLen"),
            ["bytes"] = ("bytes", "bytes.Compare"),
            ["errors"] = ("errors", "errors.New"),
            ["regexp"] = ("regexp", "regexp.MustCompile"),
            ["sync"] = ("sync", "sync.NewCond"),
            ["atomic"] = ("sync/atomic", "atomic.AddInt64"),
            ["time"] = ("time", "time.Now"),
            ["bufio"] = ("bufio", "bufio.NewReader"),
        };

    /// <param name="candidateCode">The code as the candidate wrote it.</param>
    /// <param name="addedImports">The packages added (their paths), for tests and the docs.</param>
    public static string Compose(string candidateCode, out IReadOnlyList<string> addedImports)
    {
        var code = SignatureFacts.NormaliseNewlines(candidateCode).ToCharArray();
        var tokens = Tokenize(code);
        var start = 0;
        // A package clause of the candidate's own (any name): blanked out, keeping every line where it was.
        if (tokens.Count >= 2 && tokens[0].Text == "package" && IsIdentifier(tokens[1].Text))
        {
            Blank(code, tokens[0]);
            Blank(code, tokens[1]);
            start = 2;
        }
        var imported = ImportedNames(tokens, start);
        var declared = TopLevelNames(tokens);
        var added = new SortedDictionary<string, (string Path, string Use)>(StringComparer.Ordinal);
        for (var i = start; i + 1 < tokens.Count; i++)
        {
            var name = tokens[i].Text;
            if (tokens[i + 1].Text == "." && (i == 0 || tokens[i - 1].Text != ".")
                && AutoImports.TryGetValue(name, out var package) && !imported.Contains(name) && !declared.Contains(name))
            {
                added[name] = package;
            }
        }
        addedImports = [.. added.Values.Select(p => p.Path)];
        var source = new StringBuilder("package main");
        if (added.Count > 0)
        {
            source.Append("; import (").AppendJoin("; ", added.Values.Select(p => "\"" + p.Path + "\"")).Append(')');
        }
        source.Append("\n//line ").Append(CandidateFile).Append(":1:1\n").Append(code);
        if (code.Length > 0 && code[^1] != '\n')
        {
            source.Append('\n');
        }
        if (added.Count > 0)
        {
            source.Append("//line judge_imports.go:1:1\n");
            foreach (var package in added.Values)
            {
                source.Append("var _ = ").Append(package.Use).Append('\n');
            }
        }
        return source.ToString();
    }

    private readonly record struct Token(string Text, int Start, int Length);

    private static void Blank(char[] code, Token token) => Array.Fill(code, ' ', token.Start, token.Length);

    private static bool IsIdentifier(string text) => text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_');

    /// <summary>Identifiers, string literals and punctuation; comments and whitespace are skipped. Good enough to find
    /// the package clause, imports and <c>name.</c> selectors; the compiler does the real parsing.</summary>
    private static List<Token> Tokenize(char[] code)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && i + 1 < code.Length && code[i + 1] == '/')
            {
                while (i < code.Length && code[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < code.Length && code[i + 1] == '*')
            {
                // A span search: copying the whole file per comment made hostile code (50 KB of /**/) cost the host
                // ~150 ms of CPU on every Run and live check.
                var end = code.AsSpan(i + 2).IndexOf("*/", StringComparison.Ordinal);
                i = end < 0 ? code.Length : i + 2 + end + 2;
            }
            else if (c is '"' or '\'' or '`')
            {
                var begin = i++;
                while (i < code.Length && code[i] != c && (c == '`' || code[i] != '\n'))
                {
                    i += code[i] == '\\' && c != '`' ? 2 : 1;
                }
                i = Math.Min(i + 1, code.Length);
                tokens.Add(new Token(new string(code, begin, i - begin), begin, i - begin));
            }
            else if (char.IsLetterOrDigit(c) || c == '_')
            {
                var begin = i;
                while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] == '_'))
                {
                    i++;
                }
                tokens.Add(new Token(new string(code, begin, i - begin), begin, i - begin));
            }
            else
            {
                tokens.Add(new Token(c.ToString(), i, 1));
                i++;
            }
        }
        return tokens;
    }

    /// <summary>The names the candidate's own import declarations bind (an alias, or the path's last element).</summary>
    private static HashSet<string> ImportedNames(List<Token> tokens, int start)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var i = start;
        while (i < tokens.Count && (tokens[i].Text == ";" || tokens[i].Text == "import"))
        {
            if (tokens[i].Text == ";")
            {
                i++;
                continue;
            }
            i++;
            var grouped = i < tokens.Count && tokens[i].Text == "(";
            if (grouped)
            {
                i++;
            }
            while (i < tokens.Count && tokens[i].Text != ")")
            {
                string? alias = null;
                if (tokens[i].Text is "." or "_" || IsIdentifier(tokens[i].Text))
                {
                    alias = tokens[i].Text;
                    i++;
                }
                if (i < tokens.Count && tokens[i].Text.Length >= 2 && tokens[i].Text[0] is '"' or '`')
                {
                    var path = tokens[i].Text[1..^1];
                    names.Add(alias ?? DefaultName(path));
                    i++;
                }
                else if (i < tokens.Count && tokens[i].Text != ")")
                {
                    i++;
                }
                if (!grouped)
                {
                    break;
                }
            }
            if (grouped && i < tokens.Count)
            {
                i++;
            }
        }
        return names;
    }

    /// <summary>An import path's package name as goimports assumes it: the last element, skipping a major version.</summary>
    private static string DefaultName(string path)
    {
        var parts = path.Split('/');
        var last = parts[^1];
        return parts.Length > 1 && last.Length > 1 && last[0] == 'v' && last[1..].All(char.IsAsciiDigit) ? parts[^2] : last;
    }

    /// <summary>Names the candidate declares at the top level (func, type, var, const): an import of the same name
    /// would clash with them.</summary>
    private static HashSet<string> TopLevelNames(List<Token> tokens)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var depth = 0;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            switch (tokens[i].Text)
            {
                case "{" or "(" or "[":
                    depth++;
                    break;
                case "}" or ")" or "]":
                    depth--;
                    break;
                case "func" or "type" or "var" or "const" when depth == 0 && IsIdentifier(tokens[i + 1].Text):
                    names.Add(tokens[i + 1].Text);
                    break;
                default:
                    break;
            }
        }
        return names;
    }
}
