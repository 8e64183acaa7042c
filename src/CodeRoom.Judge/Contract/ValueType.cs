namespace CodeRoom.Judge.Contract;

public enum ValueKind
{
    Integer,
    Long,
    Double,
    Boolean,
    String,
    Character,
    Void,
    Array,
    List,
    ListNode,
    TreeNode,
}

/// <summary>
/// A type of the problem contract, by LeetCode's names: scalars (integer, long, double, boolean, string, character),
/// void, T[] and T[][] and list&lt;T&gt; and list&lt;list&lt;T&gt;&gt; of scalars, ListNode and TreeNode.
/// </summary>
public sealed record ValueType(ValueKind Kind, ValueType? Element = null)
{
    public static readonly ValueType Integer = new(ValueKind.Integer);
    public static readonly ValueType Long = new(ValueKind.Long);
    public static readonly ValueType Double = new(ValueKind.Double);
    public static readonly ValueType Boolean = new(ValueKind.Boolean);
    public static readonly ValueType String = new(ValueKind.String);
    public static readonly ValueType Character = new(ValueKind.Character);
    public static readonly ValueType Void = new(ValueKind.Void);
    public static readonly ValueType ListNode = new(ValueKind.ListNode);
    public static readonly ValueType TreeNode = new(ValueKind.TreeNode);

    // Derived from Kind and Element: not part of the type's JSON (Leaf of a scalar is itself, a cycle to a serializer).
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsScalar => Kind is ValueKind.Integer or ValueKind.Long or ValueKind.Double or ValueKind.Boolean
        or ValueKind.String or ValueKind.Character;

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsSequence => Kind is ValueKind.Array or ValueKind.List;

    /// <summary>Nesting depth of arrays/lists: 0 for scalars, 1 for T[], 2 for T[][].</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Depth => IsSequence ? 1 + Element!.Depth : 0;

    /// <summary>The scalar at the bottom of nested arrays/lists (itself for a scalar).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ValueType Leaf => IsSequence ? Element!.Leaf : this;

    /// <summary>Parses a contract type name; returns null (with the reason) when it is not one.</summary>
    public static ValueType? TryParse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "type is empty";
            return null;
        }
        var t = text.Trim();
        var parsed = Parse(t);
        if (parsed is null)
        {
            error = $"unknown type '{t}': use integer, long, double, boolean, string, character, void, T[], T[][], list<T>, list<list<T>>, ListNode or TreeNode";
            return null;
        }
        if (parsed.Depth > 2)
        {
            error = $"type '{t}' nests deeper than two levels";
            return null;
        }
        return parsed;
    }

    private static ValueType? Parse(string t)
    {
        if (t.EndsWith("[]", StringComparison.Ordinal))
        {
            var inner = Parse(t[..^2].Trim());
            return inner is null || inner.Kind is ValueKind.Void or ValueKind.ListNode or ValueKind.TreeNode
                || (inner.IsSequence && inner.Kind != ValueKind.Array)
                ? null
                : new ValueType(ValueKind.Array, inner);
        }
        if (t.StartsWith("list<", StringComparison.Ordinal) && t.EndsWith('>'))
        {
            var inner = Parse(t[5..^1].Trim());
            return inner is null || inner.Kind is ValueKind.Void or ValueKind.ListNode or ValueKind.TreeNode
                || (inner.IsSequence && inner.Kind != ValueKind.List)
                ? null
                : new ValueType(ValueKind.List, inner);
        }
        return t switch
        {
            "integer" or "int" => Integer,
            "long" => Long,
            "double" => Double,
            "boolean" => Boolean,
            "string" => String,
            "character" or "char" => Character,
            "void" => Void,
            "ListNode" => ListNode,
            "TreeNode" => TreeNode,
            _ => null,
        };
    }

    /// <summary>The canonical contract name of this type.</summary>
    public override string ToString() => Kind switch
    {
        ValueKind.Integer => "integer",
        ValueKind.Long => "long",
        ValueKind.Double => "double",
        ValueKind.Boolean => "boolean",
        ValueKind.String => "string",
        ValueKind.Character => "character",
        ValueKind.Void => "void",
        ValueKind.ListNode => "ListNode",
        ValueKind.TreeNode => "TreeNode",
        ValueKind.Array => Element + "[]",
        ValueKind.List => "list<" + Element + ">",
        _ => Kind.ToString(),
    };
}
