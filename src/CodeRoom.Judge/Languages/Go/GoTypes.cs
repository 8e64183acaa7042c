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
}
