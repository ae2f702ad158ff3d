namespace GreenCompute.Influx.LineProtocol;

/// <summary>Copy-on-write arrays of unique keys kept in <see cref="Utf8OrdinalComparer"/> order.</summary>
internal static class SortedKeys
{
    public static int IndexOf<T>(KeyValuePair<string, T>[] items, string key)
    {
        int low = 0;
        int high = items.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            int order = Utf8OrdinalComparer.Compare(items[middle].Key, key);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }

    public static KeyValuePair<string, T>[] Set<T>(KeyValuePair<string, T>[] items, string key, T value)
    {
        int index = IndexOf(items, key);
        if (index >= 0)
        {
            var replaced = (KeyValuePair<string, T>[])items.Clone();
            replaced[index] = new(key, value);
            return replaced;
        }

        index = ~index;
        var inserted = new KeyValuePair<string, T>[items.Length + 1];
        Array.Copy(items, inserted, index);
        inserted[index] = new(key, value);
        Array.Copy(items, index, inserted, index + 1, items.Length - index);
        return inserted;
    }

    public static KeyValuePair<string, T>[] Remove<T>(KeyValuePair<string, T>[] items, string key)
    {
        int index = IndexOf(items, key);
        if (index < 0)
        {
            return items;
        }

        var removed = new KeyValuePair<string, T>[items.Length - 1];
        Array.Copy(items, removed, index);
        Array.Copy(items, index + 1, removed, index, items.Length - index - 1);
        return removed;
    }
}
