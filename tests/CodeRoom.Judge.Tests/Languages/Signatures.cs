using CodeRoom.Judge.Contract;
using ValueType = CodeRoom.Judge.Contract.ValueType;

namespace CodeRoom.Judge.Tests.Languages;

/// <summary>Signatures that cover the contract's types, as problems declare them.</summary>
internal static class Signatures
{
    public static Signature Make(string function, string returnType, params (string Name, string Type)[] parameters) =>
        MakeWith(function, returnType, null, new Dictionary<LanguageId, string>(), parameters);

    public static Signature MakeWith(string function, string returnType, string? outputParam,
        IReadOnlyDictionary<LanguageId, string> names, params (string Name, string Type)[] parameters) =>
        new(function, names, parameters.Select(p => new Parameter(p.Name, Type(p.Type))).ToList(), Type(returnType), outputParam);

    private static ValueType Type(string text) =>
        ValueType.TryParse(text, out var error) ?? throw new ArgumentException(error, nameof(text));

    public static readonly Signature TwoSum = Make("twoSum", "integer[]", ("nums", "integer[]"), ("target", "integer"));

    public static readonly Signature MergeTwoLists =
        Make("mergeTwoLists", "ListNode", ("list1", "ListNode"), ("list2", "ListNode"));

    public static readonly Signature LevelOrder = Make("levelOrder", "list<list<integer>>", ("root", "TreeNode"));

    /// <summary>A tree and a list in one signature: both commented-out definitions, list first as on LeetCode.</summary>
    public static readonly Signature SortedListToBst = Make("sortedListToBST", "TreeNode", ("head", "ListNode"));

    public static readonly Signature ReverseString = MakeWith("reverseString", "void", "s",
        new Dictionary<LanguageId, string>(), ("s", "character[]"));

    public static readonly Signature Scalars = Make("describe", "string",
        ("count", "integer"), ("total", "long"), ("ratio", "double"), ("flag", "boolean"), ("name", "string"),
        ("letter", "character"), ("board", "character[][]"), ("words", "list<string>"), ("grid", "integer[][]"),
        ("weights", "double[]"), ("stamps", "long[]"), ("groups", "list<list<string>>"));

    public static readonly Signature Renamed = MakeWith("maxProfit", "integer", null,
        new Dictionary<LanguageId, string> { [LanguageId.Python] = "max_profit" }, ("prices", "list<integer>"));

    public static IEnumerable<(string Name, Signature Signature)> All =>
    [
        ("two-sum", TwoSum), ("merge-two-lists", MergeTwoLists), ("level-order", LevelOrder),
        ("sorted-list-to-bst", SortedListToBst), ("reverse-string", ReverseString), ("scalars", Scalars),
        ("renamed", Renamed),
    ];

    public static TheoryData<string> Names => new(All.Select(s => s.Name));

    public static Signature Named(string name) => All.Single(s => s.Name == name).Signature;
}
