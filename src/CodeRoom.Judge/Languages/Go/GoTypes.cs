using CodeRoom.Judge.Contract;
using ValueType = CodeRoom.Judge.Contract.ValueType;

namespace CodeRoom.Judge.Languages.Go;

/// <summary>Contract types as LeetCode spells them in Go: int for integer (int64 for long), byte for character.</summary>
internal static class GoTypes
{
    public static string Name(ValueType type) => type.Kind switch
    {
        ValueKind.Integer => "int",
        ValueKind.Long => "int64",
        ValueKind.Double => "float64",
        ValueKind.Boolean => "bool",
        ValueKind.String => "string",
        ValueKind.Character => "byte",
        ValueKind.Void => "",
        ValueKind.ListNode => "*ListNode",
        ValueKind.TreeNode => "*TreeNode",
        ValueKind.Array or ValueKind.List => "[]" + Name(type.Element!),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no Go type"),
    };

    /// <summary>The harness's codec of the type (harness.go: Codec), composed for arrays and lists.</summary>
    public static string Codec(ValueType type) => type.Kind switch
    {
        ValueKind.Integer => "coderoom.Int",
        ValueKind.Long => "coderoom.Long",
        ValueKind.Double => "coderoom.Double",
        ValueKind.Boolean => "coderoom.Bool",
        ValueKind.String => "coderoom.String",
        ValueKind.Character => "coderoom.Char",
        ValueKind.ListNode => "coderoom.List",
        ValueKind.TreeNode => "coderoom.Tree",
        ValueKind.Array or ValueKind.List when type.Element!.Kind == ValueKind.Integer => "coderoom.Ints",
        ValueKind.Array or ValueKind.List => "coderoom.SliceOf(" + Codec(type.Element!) + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no Go codec"),
    };
}
