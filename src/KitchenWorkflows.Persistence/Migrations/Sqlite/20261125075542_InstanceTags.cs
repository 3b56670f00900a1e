using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KitchenWorkflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InstanceTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InstanceTags",
                columns: table => new
                {
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstanceTags", x => new { x.InstanceId, x.Name });
                });

            migrationBuilder.CreateIndex(
                name: "IX_InstanceTags_Name_Value",
                table: "InstanceTags",
                columns: new[] { "Name", "Value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InstanceTags");
        }
    }
}
