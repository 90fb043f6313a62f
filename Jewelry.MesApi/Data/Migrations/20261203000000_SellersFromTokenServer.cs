using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jewelry.MesApi.Data.Migrations;

// Hand-written, like the others. Sellers are the token server's clients now; seller_clients keeps only the
// deprecated HTTP Basic credentials, so a seller order no longer needs a row there.
[DbContext(typeof(MesDbContext))]
[Migration("20261203000000_SellersFromTokenServer")]
public sealed class SellersFromTokenServer : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropForeignKey(name: "fk_production_orders_seller_clients_seller_client_id", table: "production_orders");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddForeignKey(
            name: "fk_production_orders_seller_clients_seller_client_id",
            table: "production_orders",
            column: "seller_client_id",
            principalTable: "seller_clients",
            principalColumn: "client_id",
            onDelete: ReferentialAction.Restrict);
}
