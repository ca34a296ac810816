using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IntakeDuplicates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContentHash",
                table: "cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReporterAddressHash",
                table: "cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_ContentHash_ReportedAt",
                table: "cases",
                columns: new[] { "ContentHash", "ReportedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_ContentHash_ReportedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ContentHash",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ReporterAddressHash",
                table: "cases");
        }
    }
}
