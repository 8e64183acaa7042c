using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge.Languages;

/// <summary>What starter code needs to know about a signature beyond its types.</summary>
internal static class SignatureFacts
{
    public static bool Uses(this Signature signature, ValueKind kind) =>
        signature.ReturnType.Kind == kind || signature.Params.Any(p => p.Type.Kind == kind);

    /// <summary>The commented ListNode/TreeNode definitions LeetCode puts above starter code, for the types the signature
    /// uses.</summary>
    public static string NodeDefinitions(this Signature signature, string listNode, string treeNode) =>
        (signature.Uses(ValueKind.ListNode) ? listNode : "") + (signature.Uses(ValueKind.TreeNode) ? treeNode : "");

    /// <summary>Normalises line endings, so line numbers and golden files do not depend on the editor.</summary>
    public static string NormaliseNewlines(string code) => code.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
