func groupAnagrams(strs []string) [][]string {
    groups := map[string][]string{}
    order := []string{}
    for _, s := range strs {
        b := []byte(s)
        slices.Sort(b)
        key := string(b)
        if _, ok := groups[key]; !ok {
            order = append(order, key)
        }
        groups[key] = append(groups[key], s)
    }
    result := make([][]string, 0, len(order))
    for _, key := range order {
        result = append(result, groups[key])
    }
    return result
}
