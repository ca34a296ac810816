using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CivicGrid.Data;

/// <summary>PostgreSQL's timestamptz accepts only offset 0: every instant is written in UTC.</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v.ToUniversalTime());

/// <summary>
/// SQLite has no date type and EF cannot order or compare DateTimeOffset text there;
/// UTC ticks in an INTEGER column sort, compare and index like the instant itself.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
