using CodeRoom.Judge.Contract;
using ValueType = CodeRoom.Judge.Contract.ValueType;

namespace CodeRoom.Judge.Languages.Java;

/// <summary>Contract types as LeetCode spells them in Java.</summary>
internal static class JavaTypes
{
    public static string Name(ValueType type) => type.Kind switch
    {
        ValueKind.Integer => "int",
        ValueKind.Long => "long",
        ValueKind.Double => "double",
        ValueKind.Boolean => "boolean",
        ValueKind.String => "String",
        ValueKind.Character => "char",
        ValueKind.Void => "void",
        ValueKind.ListNode => "ListNode",
        ValueKind.TreeNode => "TreeNode",
        ValueKind.Array => Name(type.Element!) + "[]",
        ValueKind.List => "List<" + Boxed(type.Element!) + ">",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no Java type"),
    };

    private static string Boxed(ValueType type) => type.Kind switch
    {
        ValueKind.Integer => "Integer",
        ValueKind.Long => "Long",
        ValueKind.Double => "Double",
        ValueKind.Boolean => "Boolean",
        ValueKind.Character => "Character",
        _ => Name(type),
    };
}
