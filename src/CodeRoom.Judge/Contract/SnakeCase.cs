using System.Text;

namespace CodeRoom.Judge.Contract;

/// <summary>LeetCode's Rust names: snake_case of the contract's camelCase (twoSum -> two_sum, ndcgAtK -> ndcg_at_k,
/// boxA -> box_a, parseHTMLText -> parse_html_text).</summary>
public static class SnakeCase
{
    public static string Of(string name)
    {
        var s = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var afterLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var acronymEnd = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (afterLower || acronymEnd)
                {
                    s.Append('_');
                }
                s.Append(char.ToLowerInvariant(c));
            }
            else
            {
                s.Append(c);
            }
        }
        return s.ToString();
    }
}
