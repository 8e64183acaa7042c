using CodeRoom.Judge.Contract;
using ValueType = CodeRoom.Judge.Contract.ValueType;

namespace CodeRoom.Judge.Languages.Cpp;

/// <summary>Contract types as LeetCode spells them in C++.</summary>
internal static class CppTypes
{
    /// <summary>The value type: what the harness parses and what a method returns.</summary>
    public static string Name(ValueType type) => type.Kind switch
    {
        ValueKind.Integer => "int",
        ValueKind.Long => "long long",
        ValueKind.Double => "double",
        ValueKind.Boolean => "bool",
        ValueKind.String => "string",
        ValueKind.Character => "char",
        ValueKind.Void => "void",
        ValueKind.ListNode => "ListNode*",
        ValueKind.TreeNode => "TreeNode*",
        ValueKind.Array or ValueKind.List => "vector<" + Name(type.Element!) + ">",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no C++ type"),
    };

    /// <summary>A parameter as LeetCode declares it: containers by reference, strings and scalars by value.</summary>
    public static string Parameter(ValueType type) => type.IsSequence ? Name(type) + "&" : Name(type);
}
