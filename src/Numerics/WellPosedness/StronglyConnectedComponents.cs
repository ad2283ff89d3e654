namespace Idl.Numerics.WellPosedness;

/// <summary>
/// Strongly connected components of the graph of a non-negative n×n matrix (edge i→j when mᵢⱼ &gt; 0), by Tarjan's
/// algorithm with an explicit stack so that deep chains (e.g. a feed-forward network's triangular A) cannot overflow.
/// </summary>
internal static class StronglyConnectedComponents
{
    public static List<int[]> Find(double[] m, int n)
    {
        var adjacency = new List<int>[n];
        for (int i = 0; i < n; i++)
        {
            adjacency[i] = [];
            for (int j = 0; j < n; j++)
                if (m[i * n + j] > 0) adjacency[i].Add(j);
        }
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var calls = new Stack<(int Node, int Edge)>();
        var components = new List<int[]>();
        int next = 0;
        for (int root = 0; root < n; root++)
        {
            if (index[root] >= 0) continue;
            Visit(root);
            while (calls.Count > 0)
            {
                var (v, edge) = calls.Pop();
                if (edge < adjacency[v].Count)
                {
                    calls.Push((v, edge + 1));
                    int w = adjacency[v][edge];
                    if (index[w] < 0) Visit(w);
                    else if (onStack[w]) low[v] = Math.Min(low[v], index[w]);
                    continue;
                }
                if (low[v] == index[v])
                {
                    var component = new List<int>();
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component.Add(w);
                    } while (w != v);
                    component.Sort();
                    components.Add([.. component]);
                }
                if (calls.Count > 0)
                {
                    int parent = calls.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }
        return components;

        void Visit(int v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack[v] = true;
            calls.Push((v, 0));
        }
    }
}
