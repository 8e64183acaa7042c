public class Solution {
    public IList<IList<string>> GroupAnagrams(string[] strs) {
        var groups = new Dictionary<string, IList<string>>();
        foreach (string s in strs) {
            char[] key = s.ToCharArray();
            Array.Sort(key);
            string k = new string(key);
            if (!groups.TryGetValue(k, out var group)) {
                group = new List<string>();
                groups[k] = group;
            }
            group.Add(s);
        }
        return groups.Values.ToList();
    }
}
