using CodeRoom.Judge.Contract;
using ValueType = CodeRoom.Judge.Contract.ValueType;

namespace CodeRoom.Judge.Languages.JavaScript;

/// <summary>Contract types as LeetCode spells them in JavaScript's JSDoc and in TypeScript.</summary>
internal static class ScriptTypes
{
    /// <summary>JSDoc: LeetCode writes <c>character</c> and <c>ListNode</c> (no null) there.</summary>
    public static string JsDoc(ValueType type) => type.Kind switch
    {
        ValueKind.Integer or ValueKind.Long or ValueKind.Double => "number",
        ValueKind.Boolean => "boolean",
        ValueKind.String => "string",
        ValueKind.Character => "character",
        ValueKind.Void => "void",
        ValueKind.ListNode => "ListNode",
        ValueKind.TreeNode => "TreeNode",
        ValueKind.Array or ValueKind.List => JsDoc(type.Element!) + "[]",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no JavaScript type"),
    };

    public static string TypeScript(ValueType type) => type.Kind switch
    {
        ValueKind.Integer or ValueKind.Long or ValueKind.Double => "number",
        ValueKind.Boolean => "boolean",
        ValueKind.String or ValueKind.Character => "string",
        ValueKind.Void => "void",
        ValueKind.ListNode => "ListNode | null",
        ValueKind.TreeNode => "TreeNode | null",
        ValueKind.Array or ValueKind.List => ElementTypeScript(type.Element!) + "[]",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no TypeScript type"),
    };

    private static string ElementTypeScript(ValueType type) => type.Kind is ValueKind.ListNode or ValueKind.TreeNode
        ? "(" + TypeScript(type) + ")"
        : TypeScript(type);
}
