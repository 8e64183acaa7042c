using CodeRoom.Judge.Contract;
using ValueType = CodeRoom.Judge.Contract.ValueType;

namespace CodeRoom.Judge.Languages.CSharp;

/// <summary>Contract types as LeetCode spells them in C# (list&lt;T&gt; is IList&lt;T&gt;, nested lists too).</summary>
internal static class CSharpTypes
{
    public static string Name(ValueType type) => type.Kind switch
    {
        ValueKind.Integer => "int",
        ValueKind.Long => "long",
        ValueKind.Double => "double",
        ValueKind.Boolean => "bool",
        ValueKind.String => "string",
        ValueKind.Character => "char",
        ValueKind.Void => "void",
        ValueKind.ListNode => "ListNode",
        ValueKind.TreeNode => "TreeNode",
        ValueKind.Array => Name(type.Element!) + "[]",
        ValueKind.List => "IList<" + Name(type.Element!) + ">",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no C# type"),
    };

    /// <summary>C# keywords a contract name may still be (the validator reserves the other languages'): written as
    /// verbatim identifiers (@object) in starter code.</summary>
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    public static string Identifier(string name) => Keywords.Contains(name) ? "@" + name : name;

    /// <summary>LeetCode's C# method names are PascalCase (twoSum is TwoSum).</summary>
    public static string Pascal(string name) =>
        name.Length == 0 || char.IsUpper(name[0]) ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
