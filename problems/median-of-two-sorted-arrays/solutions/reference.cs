public class Solution {
    public double FindMedianSortedArrays(int[] nums1, int[] nums2) {
        if (nums1.Length > nums2.Length) {
            return FindMedianSortedArrays(nums2, nums1);
        }
        int m = nums1.Length, n = nums2.Length;
        int half = (m + n + 1) / 2;
        int lo = 0, hi = m;
        while (lo <= hi) {
            int i = (lo + hi) / 2; // elements taken from nums1 into the left half
            int j = half - i;      // elements taken from nums2 into the left half
            int left1 = i > 0 ? nums1[i - 1] : int.MinValue;
            int right1 = i < m ? nums1[i] : int.MaxValue;
            int left2 = j > 0 ? nums2[j - 1] : int.MinValue;
            int right2 = j < n ? nums2[j] : int.MaxValue;
            if (left1 <= right2 && left2 <= right1) {
                if ((m + n) % 2 == 1) {
                    return Math.Max(left1, left2);
                }
                return ((long)Math.Max(left1, left2) + Math.Min(right1, right2)) / 2.0;
            } else if (left1 > right2) {
                hi = i - 1;
            } else {
                lo = i + 1;
            }
        }
        throw new ArgumentException("input arrays are not sorted");
    }
}
