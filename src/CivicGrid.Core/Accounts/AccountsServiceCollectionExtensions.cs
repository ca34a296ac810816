using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public static IServiceCollection AddAccountUseCases(this IServiceCollection services) => services
        .AddScoped<UserQueries>().AddScoped<SaveUser>().AddScoped<ResetPassword>();
}
