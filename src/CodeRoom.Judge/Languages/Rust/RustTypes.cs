using CodeRoom.Judge.Contract;
using ValueType = CodeRoom.Judge.Contract.ValueType;

namespace CodeRoom.Judge.Languages.Rust;

/// <summary>Contract types as LeetCode spells them in Rust, and how the call site reads and writes them.</summary>
internal static class RustTypes
{
    private const string Harness = "coderoom_harness";

    public static string Name(ValueType type) => type.Kind switch
    {
        ValueKind.Integer => "i32",
        ValueKind.Long => "i64",
        ValueKind.Double => "f64",
        ValueKind.Boolean => "bool",
        ValueKind.String => "String",
        ValueKind.Character => "char",
        ValueKind.Void => "()",
        ValueKind.ListNode => "Option<Box<ListNode>>",
        ValueKind.TreeNode => "Option<Rc<RefCell<TreeNode>>>",
        ValueKind.Array or ValueKind.List => "Vec<" + Name(type.Element!) + ">",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no Rust type"),
    };

    private static bool HasNode(ValueType type) => type.Leaf.Kind is ValueKind.ListNode or ValueKind.TreeNode;

    /// <summary>An expression reading the type from the reader <c>r</c> (a <c>ReadResult</c>). Types without nodes use
    /// the harness's concrete impls (compiled once); node types are generic over the ListNode/TreeNode in scope.</summary>
    public static string Read(ValueType type, string reader = "r") => type.Kind switch
    {
        _ when !HasNode(type) => "<" + Name(type) + " as " + Harness + "::Json>::read(" + reader + ")",
        ValueKind.ListNode => Harness + "::read_list::<ListNode>(" + reader + ")",
        ValueKind.TreeNode => Harness + "::read_tree::<TreeNode>(" + reader + ")",
        _ => Harness + "::read_seq(" + reader + ", |r| " + Read(type.Element!) + ")",
    };

    /// <summary>A closure <c>|out, v| -> WriteResult</c> writing a value of the type.</summary>
    public static string Writer(ValueType type) => type.Kind switch
    {
        ValueKind.Void => "|out: &mut String, _: &()| { out.push_str(\"null\"); Ok(()) }",
        _ when !HasNode(type) => "|out: &mut String, v: &" + Name(type) + "| " + Harness + "::write_value(out, v)",
        ValueKind.ListNode => "|out: &mut String, v: &" + Name(type) + "| " + Harness + "::write_list(out, v)",
        ValueKind.TreeNode => "|out: &mut String, v: &" + Name(type) + "| " + Harness + "::write_tree(out, v)",
        _ => "|out: &mut String, v: &" + Name(type) + "| " + Harness + "::write_seq(out, v, " + Writer(type.Element!) + ")",
    };

    /// <summary>A name as Rust spells it: snake_case (the contract's own rule), a keyword in raw-identifier form.</summary>
    public static string SnakeCase(string name) => Identifier(Contract.SnakeCase.Of(name));

    /// <summary>A Rust keyword as a name needs the raw-identifier form.</summary>
    public static string Identifier(string name) => Keywords.Contains(name) ? "r#" + name : name;

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in",
        "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static", "struct", "super", "trait",
        "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do",
        "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
    };
}
