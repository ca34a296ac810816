using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Standards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "index_sections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_index_sections_index_sections_ParentId",
                        column: x => x.ParentId,
                        principalTable: "index_sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "point_categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Shape = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_point_categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "standards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Points = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    Observation = table.Column<int>(type: "integer", nullable: false),
                    CountBasis = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    CountSubject = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Threshold = table.Column<int>(type: "integer", nullable: true),
                    MaxScore = table.Column<int>(type: "integer", nullable: true),
                    PassScore = table.Column<int>(type: "integer", nullable: true),
                    CaseCategoryCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_standards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_standards_index_sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "index_sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_points",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    GeometryWkb = table.Column<byte[]>(type: "bytea", nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResponsibleUnitId = table.Column<int>(type: "integer", nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    LatestInspectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LatestScoreRate = table.Column<double>(type: "double precision", nullable: true),
                    LatestFailedItems = table.Column<int>(type: "integer", nullable: true),
                    LatestSummary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LatestInspectionRef = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_points", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspection_points_point_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "point_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_inspection_points_units_ResponsibleUnitId",
                        column: x => x.ResponsibleUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "standard_point_categories",
                columns: table => new
                {
                    StandardId = table.Column<int>(type: "integer", nullable: false),
                    PointCategoryId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_standard_point_categories", x => new { x.StandardId, x.PointCategoryId });
                    table.ForeignKey(
                        name: "FK_standard_point_categories_point_categories_PointCategoryId",
                        column: x => x.PointCategoryId,
                        principalTable: "point_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_standard_point_categories_standards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "standards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_index_sections_ParentId_Name",
                table: "index_sections",
                columns: new[] { "ParentId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_points_CategoryId_RegionCode",
                table: "inspection_points",
                columns: new[] { "CategoryId", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_points_Code",
                table: "inspection_points",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspection_points_DistrictCode_RegionCode",
                table: "inspection_points",
                columns: new[] { "DistrictCode", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_points_ResponsibleUnitId",
                table: "inspection_points",
                column: "ResponsibleUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_point_categories_Code",
                table: "point_categories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_point_categories_Name",
                table: "point_categories",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_standard_point_categories_PointCategoryId",
                table: "standard_point_categories",
                column: "PointCategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_standards_Code",
                table: "standards",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_standards_SectionId",
                table: "standards",
                column: "SectionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inspection_points");

            migrationBuilder.DropTable(
                name: "standard_point_categories");

            migrationBuilder.DropTable(
                name: "point_categories");

            migrationBuilder.DropTable(
                name: "standards");

            migrationBuilder.DropTable(
                name: "index_sections");
        }
    }
}
