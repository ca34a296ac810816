using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CivicGrid.Data;

/// <summary>
/// PostgreSQL: the rows a context holds as added, as one <c>INSERT … SELECT * FROM unnest(arrays)</c> per table with the
/// columns, store types and value conversions of the EF model — for a writer that sends them in its own batch instead of
/// calling SaveChanges (one round trip, no change-tracking pass). Only plain tables are handled: a type with values the
/// database generates (other than an identity key), owned parts or non-scalar columns makes <see cref="TryBuild"/> say no
/// (the intake then refuses the report rather than write half of it). Identity keys are left to the database and not read back.
/// </summary>
internal static class AddedRowsInsert
{
    private static readonly HashSet<Type> Scalars =
    [
        typeof(string), typeof(int), typeof(long), typeof(short), typeof(bool), typeof(double), typeof(float), typeof(decimal),
        typeof(Guid), typeof(DateTime), typeof(DateTimeOffset), typeof(byte[]),
    ];

    private static readonly ConcurrentDictionary<IEntityType, TableInsert?> Inserts = new();

    /// <summary>The insert statements of every added row, or false (and none) when one of their types is not a plain table.</summary>
    public static bool TryBuild(DbContext db, out List<NpgsqlBatchCommand> commands)
    {
        commands = [];
        foreach (var rows in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata))
        {
            if (Inserts.GetOrAdd(rows.Key, TableInsert.For) is not { } insert)
            {
                commands.Clear();
                return false;
            }

            commands.Add(insert.Command([.. rows]));
        }

        return true;
    }

    private sealed record Column(IProperty Property, Type Element, Func<object?, object?> ToProvider);

    private sealed class TableInsert(string sql, IReadOnlyList<Column> columns)
    {
        public static TableInsert? For(IEntityType type)
        {
            if (type.GetTableName() is not { } table || type.IsOwned() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
                || type.GetDiscriminatorPropertyName() is not null)
            {
                return null;
            }

            var store = StoreObjectIdentifier.Table(table, type.GetSchema());
            var columns = new List<Column>();
            var names = new List<string>();
            var casts = new List<string>();
            foreach (var property in type.GetProperties())
            {
                if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd)
                {
                    continue;
                }

                var mapping = property.GetRelationalTypeMapping();
                var converter = property.GetValueConverter() ?? mapping.Converter;
                var provider = converter?.ProviderClrType ?? property.ClrType;
                provider = Nullable.GetUnderlyingType(provider) ?? provider;
                if (property.ValueGenerated != ValueGenerated.Never || property.GetComputedColumnSql(store) is not null
                    || property.GetColumnName(store) is not { } name || property.GetColumnType(store) is not { } storeType
                    || !Scalars.Contains(provider))
                {
                    return null;
                }

                columns.Add(new(property, provider.IsValueType ? typeof(Nullable<>).MakeGenericType(provider) : provider,
                    converter is null ? v => v : v => v is null ? null : converter.ConvertToProvider(v)));
                names.Add($"\"{name}\"");
                casts.Add($"${casts.Count + 1}::{storeType}[]");
            }

            var target = type.GetSchema() is { } schema ? $"\"{schema}\".\"{table}\"" : $"\"{table}\"";
            return new TableInsert($"INSERT INTO {target} ({string.Join(", ", names)}) SELECT * FROM unnest({string.Join(", ", casts)})", columns);
        }

        public NpgsqlBatchCommand Command(IReadOnlyList<EntityEntry> rows)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var column in columns)
            {
                var values = Array.CreateInstance(column.Element, rows.Count);
                for (var i = 0; i < rows.Count; i++)
                {
                    values.SetValue(column.ToProvider(rows[i].Property(column.Property).CurrentValue), i);
                }

                command.Parameters.Add(new NpgsqlParameter { Value = values });
            }

            return command;
        }
    }
}
