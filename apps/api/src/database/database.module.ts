import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source';
import { ReadRouting, ReadYourWritesInterceptor } from './read-routing';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(
    url: string,
    poolSize: number,
    replicaUrls: readonly string[] = [],
  ): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [ReadRouting, { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor }],
      exports: [ReadRouting],
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(url, poolSize, replicaUrls),
          // Start even while the database is down: /api/health reports it, requests get 503.
          retryAttempts: 0,
        }),
      ],
    };
  }
}
