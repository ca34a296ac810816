using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublicHonourPage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_public_honours",
                columns: table => new
                {
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Top = table.Column<int>(type: "INTEGER", nullable: false),
                    Bottom = table.Column<int>(type: "INTEGER", nullable: false),
                    RedAtLeast = table.Column<double>(type: "REAL", nullable: true),
                    BlackBelow = table.Column<double>(type: "REAL", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_public_honours", x => x.DistrictCode);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_public_honours");
        }
    }
}
