import { Body, Controller, Get, Post as HttpPost, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Post, PostDetail } from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { CreatePostDto, PostsQueryDto } from './dto/post.dto';
import { PostsService } from './posts.service';

@ApiTags('posts')
@Controller('posts')
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @Roles('admin', 'hr', 'manager')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: PostsQueryDto): Promise<Post[]> {
    return this.posts.list(user, query.siteId);
  }

  @Roles('admin', 'hr')
  @HttpPost()
  create(@CurrentUser() user: AuthUser, @Body() body: CreatePostDto): Promise<Post> {
    return this.posts.create(user, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PostDetail> {
    return this.posts.get(user, id);
  }
}
