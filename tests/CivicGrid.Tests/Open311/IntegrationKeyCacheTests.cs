using CivicGrid.Open311;

namespace CivicGrid.Tests.Open311;

/// <summary>The api_key look-up cache: a busy key is read once, an unknown key is never kept.</summary>
public sealed class IntegrationKeyCacheTests
{
    private static readonly IntegrationKeyState Active = new(1, null, false, null);

    [Fact]
    public async Task A_found_key_is_read_once_and_an_unknown_key_every_time()
    {
        var cache = new IntegrationKeyCache(TimeProvider.System);
        var reads = 0;
        for (var i = 0; i < 3; i++)
        {
            Assert.Same(Active, await cache.FindAsync("known", () => Read(ref reads, Active)));
        }

        var misses = 0;
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await cache.FindAsync("guessed", () => Read(ref misses, null)));
        }

        Assert.Equal(1, reads);
        Assert.Equal(3, misses);
    }

    private static Task<IntegrationKeyState?> Read(ref int reads, IntegrationKeyState? state)
    {
        reads++;
        return Task.FromResult(state);
    }
}
