using CodeRoom.Judge.Contract;
using ValueType = CodeRoom.Judge.Contract.ValueType;

namespace CodeRoom.Judge.Languages.Python;

/// <summary>Contract types as LeetCode spells them in Python type hints.</summary>
internal static class PythonTypes
{
    public static string Hint(ValueType type) => type.Kind switch
    {
        ValueKind.Integer or ValueKind.Long => "int",
        ValueKind.Double => "float",
        ValueKind.Boolean => "bool",
        ValueKind.String or ValueKind.Character => "str",
        ValueKind.Void => "None",
        ValueKind.ListNode => "Optional[ListNode]",
        ValueKind.TreeNode => "Optional[TreeNode]",
        ValueKind.Array or ValueKind.List => "List[" + Hint(type.Element!) + "]",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no Python type"),
    };
}
